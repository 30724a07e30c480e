package io.solstice.retrain.ledger;

import java.time.Instant;

/**
 * The answer of {@link RunLedger#claim}: whether this delivery may submit the run.
 *
 * @param state see {@link State}
 * @param runKey the run's key in the ledger (its Batch job name)
 * @param token this delivery's claim token when {@link State#CLAIMED}, else {@code null}
 * @param takeover whether the claim replaced an expired claim of an earlier delivery, which may
 *     have submitted the job before it stopped
 * @param jobId the recorded Batch job id when {@link State#ALREADY_SUBMITTED}, else {@code null}
 * @param leaseUntil until when the other delivery holds the run when {@link State#IN_PROGRESS}
 */
public record RunClaim(
        State state,
        String runKey,
        String token,
        boolean takeover,
        String jobId,
        Instant leaseUntil) {

    /** Whether this delivery may submit. */
    public enum State {
        /** This delivery holds the run and submits it. */
        CLAIMED,
        /** The run's job was submitted and recorded before. */
        ALREADY_SUBMITTED,
        /** Another delivery holds the run and its claim has not expired. */
        IN_PROGRESS
    }

    static RunClaim claimed(String runKey, String token, boolean takeover) {
        return new RunClaim(State.CLAIMED, runKey, token, takeover, null, null);
    }

    static RunClaim alreadySubmitted(String runKey, String jobId) {
        return new RunClaim(State.ALREADY_SUBMITTED, runKey, null, false, jobId, null);
    }

    static RunClaim inProgress(String runKey, Instant leaseUntil) {
        return new RunClaim(State.IN_PROGRESS, runKey, null, false, null, leaseUntil);
    }
}
