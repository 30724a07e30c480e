package io.solstice.local;

/**
 * An invocation through {@link LocalLambdaRuntime} that did not produce a response: the function
 * reported an error, failed to initialise, or did not answer in time.
 */
public class LambdaInvocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String requestId;

    /**
     * @param requestId the invocation's request id, or {@code null} when none was assigned
     * @param message what went wrong, including the function's error type and message if any
     */
    public LambdaInvocationException(String requestId, String message) {
        super(message);
        this.requestId = requestId;
    }

    /** The request id of the failed invocation, or {@code null}. */
    public String requestId() {
        return requestId;
    }
}
