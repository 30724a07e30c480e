package io.solstice.store.s3;

import java.time.Instant;
import java.util.Map;

/**
 * The content of {@code models/CURRENT}: which version is served and the SHA-256 of each of its
 * files.
 *
 * @param version the served version
 * @param publishedAt when the pointer was written
 * @param sha256 lower-case hex SHA-256 of each file, by file name
 */
public record ModelPointer(String version, Instant publishedAt, Map<String, String> sha256) {

    public ModelPointer {
        sha256 = Map.copyOf(sha256);
    }
}
