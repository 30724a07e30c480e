package io.solstice.store;

/**
 * A storage operation failed. The message names the operation and the business key (event id, item
 * id, model version, table or bucket) and the cause keeps the SDK's exception.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the business key
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the business key
     * @param cause the SDK or parsing exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
