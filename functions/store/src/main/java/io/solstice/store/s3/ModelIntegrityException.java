package io.solstice.store.s3;

import io.solstice.store.StoreException;

/** A file of the served model is missing or does not match the checksum in the pointer. */
public class ModelIntegrityException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String version;

    private final String file;

    /**
     * @param version the model version
     * @param file the file name within the version
     * @param message what does not match
     */
    public ModelIntegrityException(String version, String file, String message) {
        super(message);
        this.version = version;
        this.file = file;
    }

    /** The model version whose file failed the check. */
    public String version() {
        return version;
    }

    /** The file that failed the check. */
    public String file() {
        return file;
    }
}
