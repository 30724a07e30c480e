package io.solstice.http.lambda;

/**
 * Thrown to the Lambda runtime when a direct invoke failed on the function's side (an HTTP status
 * of 500 or more: storage unavailable, misconfiguration). Lambda then reports a function error, so
 * that an asynchronous invoke is retried and a synchronous caller sees the failure, instead of a
 * normal-looking answer that carries an error. Bad input is answered normally: retrying it cannot
 * help.
 */
public class FunctionFailedException extends RuntimeException {

    private final int status;

    /**
     * @param status the HTTP status the function chose
     * @param message the function's error sentence
     */
    public FunctionFailedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the function chose, 500 or more. */
    public int status() {
        return status;
    }
}
