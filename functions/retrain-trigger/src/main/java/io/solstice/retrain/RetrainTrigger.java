package io.solstice.retrain;

import io.solstice.retrain.RetrainOutcome.Status;
import io.solstice.retrain.batch.TrainJobSubmitter;
import io.solstice.retrain.ledger.RunClaim;
import io.solstice.retrain.ledger.RunLedger;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Starts a retraining run at most once per scheduled time.
 *
 * <p>Idempotency: the run's key is its Batch job name, the prefix and the scheduled time to the
 * second ({@code solstice-train-dev-20241202T030000Z}). Before submitting, the delivery claims the
 * key in the runs table with a DynamoDB conditional put (see {@link RunLedger}); a second delivery
 * of the same event finds the run submitted and returns {@link Status#ALREADY_SUBMITTED}. A claim
 * whose delivery died before recording its job expires after a lease; the delivery that takes it
 * over first asks Batch for a job of that name (ListJobs), so a job submitted just before the crash
 * is found rather than submitted twice.
 */
public final class RetrainTrigger {

    private static final Logger LOG = Logger.getLogger(RetrainTrigger.class);

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private final RunLedger ledger;
    private final TrainJobSubmitter jobs;
    private final String jobNamePrefix;
    private final Clock clock;

    /**
     * @param jobNamePrefix start of every job name; letters, digits, hyphens, underscores, at most
     *     100 characters
     * @throws IllegalArgumentException naming SOLSTICE_JOB_NAME_PREFIX when the prefix would make
     *     job names Batch refuses
     */
    public RetrainTrigger(
            RunLedger ledger, TrainJobSubmitter jobs, String jobNamePrefix, Clock clock) {
        if (!PREFIX.matcher(jobNamePrefix).matches()) {
            throw new IllegalArgumentException(
                    "SOLSTICE_JOB_NAME_PREFIX must be 1-100 letters, digits, '-' or '_' starting"
                            + " with a letter or digit (Batch job names), got '"
                            + jobNamePrefix
                            + "'");
        }
        this.ledger = ledger;
        this.jobs = jobs;
        this.jobNamePrefix = jobNamePrefix;
        this.clock = clock;
    }

    /**
     * Submits the run's training job unless an earlier delivery did.
     *
     * @throws RunInProgressException when another delivery holds the run; retry later
     * @throws RetrainException when Batch or DynamoDB fail; retrying is safe
     */
    public RetrainOutcome trigger(ScheduledRun run) {
        String jobName = run.jobName(jobNamePrefix);

        RunClaim claim = ledger.claim(jobName, run, clock.instant());

        return switch (claim.state()) {
            case ALREADY_SUBMITTED -> alreadySubmitted(run, jobName, claim);
            case IN_PROGRESS -> throw new RunInProgressException(jobName, claim.leaseUntil());
            case CLAIMED -> submit(run, jobName, claim);
        };
    }

    private RetrainOutcome alreadySubmitted(ScheduledRun run, String jobName, RunClaim claim) {
        LOG.infof(
                "retrain duplicate delivery jobName=%s jobId=%s origin=%s",
                jobName, claim.jobId(), run.origin());
        return RetrainOutcome.of(Status.ALREADY_SUBMITTED, run, jobName, claim.jobId());
    }

    private RetrainOutcome submit(ScheduledRun run, String jobName, RunClaim claim) {
        Optional<String> earlier = claim.takeover() ? jobs.find(jobName) : Optional.empty();
        if (earlier.isPresent()) {
            ledger.recordSubmitted(claim, earlier.get(), clock.instant());
            LOG.infof(
                    "retrain job found after expired claim jobName=%s jobId=%s",
                    jobName, earlier.get());
            return RetrainOutcome.of(Status.FOUND_IN_BATCH, run, jobName, earlier.get());
        }

        String jobId;
        try {
            jobId = jobs.submit(jobName, run);
        } catch (RuntimeException e) {
            ledger.release(claim);
            throw e;
        }

        ledger.recordSubmitted(claim, jobId, clock.instant());
        LOG.infof(
                "retrain job submitted jobName=%s jobId=%s queue=%s asOf=%s scheduledTime=%s"
                        + " origin=%s",
                jobName, jobId, jobs.jobQueue(), run.asOf(), run.scheduledTime(), run.origin());
        return RetrainOutcome.of(Status.SUBMITTED, run, jobName, jobId);
    }
}
