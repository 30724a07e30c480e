package io.solstice.retrain;

/**
 * A run could not be submitted or recorded because AWS Batch or DynamoDB failed. The message names
 * the run's job name and the resource; the invoker's retry (Lambda asynchronous retries, or a
 * second direct invoke) is safe: the run is submitted at most once.
 */
public class RetrainException extends RuntimeException {

    public RetrainException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetrainException(String message) {
        super(message);
    }
}
