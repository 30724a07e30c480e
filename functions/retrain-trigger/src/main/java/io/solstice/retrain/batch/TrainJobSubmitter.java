package io.solstice.retrain.batch;

import io.solstice.retrain.RetrainException;
import io.solstice.retrain.ScheduledRun;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ContainerOverrides;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.KeyValuesPair;
import software.amazon.awssdk.services.batch.model.SubmitJobResponse;

/**
 * Submits the training job to AWS Batch and finds it again by name. The job definition carries the
 * image, the resources and the table and bucket names; a run adds only its training window, as the
 * environment variable the job reads ({@code SOLSTICE_TRAIN_AS_OF}, see {@code
 * io.solstice.train.job.TrainJobSettings}).
 */
public final class TrainJobSubmitter {

    /** The train job's variable for the end of its training window (yyyy-MM-dd). */
    public static final String AS_OF_VARIABLE = "SOLSTICE_TRAIN_AS_OF";

    private final BatchClient batch;
    private final String jobQueue;
    private final String jobDefinition;

    /**
     * @param batch the client
     * @param jobQueue the job queue, ARN or name
     * @param jobDefinition the job definition, ARN or name
     */
    public TrainJobSubmitter(BatchClient batch, String jobQueue, String jobDefinition) {
        this.batch = batch;
        this.jobQueue = jobQueue;
        this.jobDefinition = jobDefinition;
    }

    /**
     * Submits one job.
     *
     * @return the Batch job id
     * @throws RetrainException naming the job, queue and definition when Batch refuses or fails
     */
    public String submit(String jobName, ScheduledRun run) {
        try {
            SubmitJobResponse response =
                    batch.submitJob(
                            b ->
                                    b.jobName(jobName)
                                            .jobQueue(jobQueue)
                                            .jobDefinition(jobDefinition)
                                            .containerOverrides(overrides(run)));
            return response.jobId();
        } catch (SdkException e) {
            throw new RetrainException(
                    "cannot submit job "
                            + jobName
                            + " to queue '"
                            + jobQueue
                            + "' (SOLSTICE_JOB_QUEUE) with definition '"
                            + jobDefinition
                            + "' (SOLSTICE_JOB_DEFINITION): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Looks for a job of this name in the queue, in any state Batch still lists (finished jobs are
     * listed for at least a week).
     *
     * @return the job id, or empty when Batch lists none
     * @throws RetrainException when Batch fails
     */
    public Optional<String> find(String jobName) {
        try {
            return batch
                    .listJobs(
                            b ->
                                    b.jobQueue(jobQueue)
                                            .filters(
                                                    KeyValuesPair.builder()
                                                            .name("JOB_NAME")
                                                            .values(jobName)
                                                            .build()))
                    .jobSummaryList()
                    .stream()
                    .filter(job -> jobName.equals(job.jobName()))
                    .map(JobSummary::jobId)
                    .findFirst();
        } catch (SdkException e) {
            throw new RetrainException(
                    "cannot list jobs named "
                            + jobName
                            + " in queue '"
                            + jobQueue
                            + "' (SOLSTICE_JOB_QUEUE): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The queue jobs are submitted to, for logs. */
    public String jobQueue() {
        return jobQueue;
    }

    private static ContainerOverrides overrides(ScheduledRun run) {
        return ContainerOverrides.builder()
                .environment(variable(AS_OF_VARIABLE, run.asOf().toString()))
                .build();
    }

    private static KeyValuePair variable(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }
}
