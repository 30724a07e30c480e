package io.solstice.model;

/** A stored model file cannot be read: wrong format, unsupported version, truncated or corrupt. */
public class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
