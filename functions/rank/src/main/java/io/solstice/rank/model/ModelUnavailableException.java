package io.solstice.rank.model;

/**
 * No model can rank right now. The message says why and what to do; {@link #kind()} decides the
 * HTTP status and whether the container waits before it asks S3 again.
 */
public class ModelUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no model is available. */
    public enum Kind {
        /** The bucket has no {@code models/CURRENT}: the train job has not published yet. */
        NOT_PUBLISHED(true),
        /** The served version's files fail their checksums or cannot be decoded. */
        UNREADABLE(true),
        /** S3 failed or could not be reached; the next request tries again. */
        UNREACHABLE(false),
        /** The configured bucket does not exist: the deployment must be fixed. */
        MISSING_BUCKET(false);

        private final boolean remembered;

        Kind(boolean remembered) {
            this.remembered = remembered;
        }

        /**
         * Whether the failure is remembered for {@code solstice.model-retry-interval} rather than
         * retried on the next request.
         */
        public boolean remembered() {
            return remembered;
        }
    }

    /** The message for {@link Kind#NOT_PUBLISHED}, part of the API. */
    public static final String NOT_PUBLISHED_MESSAGE =
            "no model has been published yet; run the train job";

    private final Kind kind;

    /**
     * @param kind why
     * @param message what happened and what to do, naming the bucket or version
     * @param cause the store's or decoder's exception, or {@code null}
     */
    public ModelUnavailableException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The failure for a bucket without a published model. */
    public static ModelUnavailableException notPublished() {
        return new ModelUnavailableException(Kind.NOT_PUBLISHED, NOT_PUBLISHED_MESSAGE, null);
    }

    /** Why no model is available. */
    public Kind kind() {
        return kind;
    }
}
