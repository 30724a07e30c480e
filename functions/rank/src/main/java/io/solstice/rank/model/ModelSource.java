package io.solstice.rank.model;

import io.solstice.store.s3.ModelPointer;
import java.util.Optional;

/**
 * Where the served model comes from: a cheap look at which version is published, and the costly
 * read of one version. Split so that a container can check for a new model often and read one only
 * when the pointer has moved. {@link ModelLoader} reads S3.
 */
public interface ModelSource {

    /**
     * The pointer to the published version.
     *
     * @return empty when no model was ever published
     * @throws ModelUnavailableException when the store cannot be asked
     */
    Optional<ModelPointer> pointer();

    /**
     * Reads and prepares the version {@code pointer} names.
     *
     * @throws ModelUnavailableException when it cannot be read
     */
    ServedModel load(ModelPointer pointer);
}
