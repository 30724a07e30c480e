package io.solstice.store;

/** A table or bucket the store was configured with does not exist. */
public class MissingResourceException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String resource;

    /**
     * @param resource the table or bucket name
     * @param message what was attempted and how to fix it
     * @param cause the SDK's exception
     */
    public MissingResourceException(String resource, String message, Throwable cause) {
        super(message, cause);
        this.resource = resource;
    }

    /** The missing table or bucket. */
    public String resource() {
        return resource;
    }
}
