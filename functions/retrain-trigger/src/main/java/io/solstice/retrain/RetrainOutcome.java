package io.solstice.retrain;

/**
 * What the trigger did for one delivery, returned to the invoker (visible in the Lambda console and
 * in {@code sam local invoke}).
 *
 * @param status what happened, see {@link Status}
 * @param jobName the Batch job name of the run
 * @param jobId the Batch job id, new or found
 * @param asOf the training window's end date, yyyy-MM-dd
 * @param scheduledTime the run's scheduled time, ISO-8601
 */
public record RetrainOutcome(
        Status status, String jobName, String jobId, String asOf, String scheduledTime) {

    /** What one delivery did. */
    public enum Status {
        /** This delivery submitted the job. */
        SUBMITTED,
        /** An earlier delivery of the same run had submitted the job; nothing was submitted. */
        ALREADY_SUBMITTED,
        /**
         * An earlier delivery stopped after submitting but before recording it; the job was found
         * in Batch by name and recorded; nothing was submitted.
         */
        FOUND_IN_BATCH
    }

    static RetrainOutcome of(Status status, ScheduledRun run, String jobName, String jobId) {
        return new RetrainOutcome(
                status, jobName, jobId, run.asOf().toString(), run.scheduledTime().toString());
    }
}
