package io.solstice.store.s3;

import java.time.Instant;
import java.util.Map;

/**
 * A published model read back from S3, its files verified against the pointer's checksums.
 *
 * @param version the model version
 * @param publishedAt when the pointer was written
 * @param files file contents by name, e.g. {@code saved_model.pb} or {@code
 *     variables/variables.index}
 */
public record StoredModel(String version, Instant publishedAt, Map<String, byte[]> files) {

    public StoredModel {
        files = Map.copyOf(files);
    }
}
