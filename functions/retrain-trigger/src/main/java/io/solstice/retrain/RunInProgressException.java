package io.solstice.retrain;

import java.time.Instant;

/**
 * Another delivery of the same run holds its claim and has not finished. Thrown so that the invoker
 * retries later: by then the other delivery has recorded the job, or its claim has expired and this
 * one takes over.
 */
public class RunInProgressException extends RetrainException {

    public RunInProgressException(String jobName, Instant leaseUntil) {
        super(
                "run "
                        + jobName
                        + " is being submitted by another delivery (claim held until "
                        + leaseUntil
                        + "); retry after that");
    }
}
