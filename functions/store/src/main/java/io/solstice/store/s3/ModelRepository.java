package io.solstice.store.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Published models in an S3 bucket.
 *
 * <p>Layout: the files of version {@code v} under {@code models/v/<name>}, and the pointer {@code
 * models/CURRENT}, a JSON document with the served version and the SHA-256 of each of its files.
 * {@link #publish} writes every file first and the pointer last, so a reader never sees a pointer
 * to a half-written model; {@link #loadCurrent} verifies every file against the pointer. Versions
 * are immutable: publishing a version that already has files is refused.
 */
public final class ModelRepository {

    /** Key prefix of everything the repository writes. */
    public static final String PREFIX = "models/";

    /** Key of the pointer to the served version. */
    public static final String POINTER_KEY = PREFIX + "CURRENT";

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final Logger LOG = Logger.getLogger(ModelRepository.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;

    private final String bucket;

    private final Clock clock = Clock.systemUTC();

    /**
     * @param s3 the caller's client; against s3rver it must have chunked encoding off
     * @param bucket the bucket holding the models
     */
    public ModelRepository(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Writes the files of a new version, then points {@code models/CURRENT} at it.
     *
     * @param version letters, digits, {@code .}, {@code _} or {@code -}, 1-128 characters
     * @param files contents by relative name (may contain {@code /}); at least one
     * @return the pointer now served
     * @throws IllegalArgumentException for a bad version or file name
     * @throws StoreException naming the version when it exists already or S3 fails
     */
    public ModelPointer publish(String version, Map<String, byte[]> files) {
        checkVersion(version);
        checkFiles(version, files);
        refuseExisting(version);

        Map<String, String> checksums = new TreeMap<>();
        files.forEach((name, content) -> checksums.put(name, writeFile(version, name, content)));

        ModelPointer pointer = new ModelPointer(version, clock.instant(), checksums);
        put(POINTER_KEY, pointerJson(pointer), "the pointer to model " + version);
        LOG.infof("model published version=%s files=%d bucket=%s", version, files.size(), bucket);
        return pointer;
    }

    /** The pointer to the served version, if a model was ever published. */
    public Optional<ModelPointer> currentPointer() {
        return get(POINTER_KEY, "the model pointer").map(this::parsePointer);
    }

    /**
     * Reads the served model and verifies each file's SHA-256 against the pointer.
     *
     * @return empty when no model was ever published
     * @throws ModelIntegrityException naming the version and file that is missing or differs
     */
    public Optional<StoredModel> loadCurrent() {
        return currentPointer().map(this::load);
    }

    /**
     * Reads the version a pointer names and verifies each file's SHA-256 against it. A reader that
     * checked the pointer first loads exactly what it saw, even if the pointer has moved since.
     *
     * @throws ModelIntegrityException naming the version and file that is missing or differs
     */
    public StoredModel load(ModelPointer pointer) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        pointer.sha256()
                .forEach(
                        (name, expected) ->
                                files.put(name, readFile(pointer.version(), name, expected)));
        return new StoredModel(pointer.version(), pointer.publishedAt(), files);
    }

    private String writeFile(String version, String name, byte[] content) {
        put(fileKey(version, name), content, "file " + name + " of model " + version);
        return sha256(content);
    }

    private byte[] readFile(String version, String name, String expected) {
        byte[] content =
                get(fileKey(version, name), "file " + name + " of model " + version)
                        .orElseThrow(
                                () ->
                                        new ModelIntegrityException(
                                                version,
                                                name,
                                                "model "
                                                        + version
                                                        + " is missing file "
                                                        + name
                                                        + " listed in "
                                                        + POINTER_KEY));
        String actual = sha256(content);
        if (!actual.equals(expected)) {
            throw new ModelIntegrityException(
                    version,
                    name,
                    "model "
                            + version
                            + " file "
                            + name
                            + " has SHA-256 "
                            + actual
                            + " but "
                            + POINTER_KEY
                            + " expects "
                            + expected);
        }
        return content;
    }

    private void refuseExisting(String version) {
        try {
            boolean exists =
                    s3.listObjectsV2(
                                            b ->
                                                    b.bucket(bucket)
                                                            .prefix(PREFIX + version + "/")
                                                            .maxKeys(1))
                                    .keyCount()
                            > 0;
            if (exists) {
                throw new StoreException(
                        "model "
                                + version
                                + " is already published in bucket "
                                + bucket
                                + "; versions are immutable, publish a new version");
            }
        } catch (SdkException e) {
            throw translate(e, "check whether model " + version + " exists");
        }
    }

    private void put(String key, byte[] content, String what) {
        try {
            s3.putObject(
                    b -> b.bucket(bucket).key(key).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw translate(e, "write " + what);
        }
    }

    private Optional<byte[]> get(String key, String what) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate(e, "read " + what);
        }
    }

    private StoreException translate(SdkException e, String action) {
        if (e instanceof NoSuchBucketException) {
            return new MissingResourceException(
                    bucket, "cannot " + action + ": S3 bucket '" + bucket + "' does not exist", e);
        }
        return new StoreException(
                "cannot " + action + " in S3 bucket '" + bucket + "': " + e.getMessage(), e);
    }

    private static byte[] pointerJson(ModelPointer pointer) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", pointer.version());
        node.put("publishedAt", pointer.publishedAt().toString());
        ObjectNode files = node.putObject("files");
        pointer.sha256().forEach((name, sha) -> files.putObject(name).put("sha256", sha));
        return node.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    private ModelPointer parsePointer(byte[] content) {
        try {
            JsonNode node = JSON.readTree(content);
            Map<String, String> checksums = new TreeMap<>();
            node.path("files")
                    .fields()
                    .forEachRemaining(
                            f -> checksums.put(f.getKey(), f.getValue().path("sha256").asText()));
            return new ModelPointer(
                    node.path("version").asText(),
                    Instant.parse(node.path("publishedAt").asText()),
                    checksums);
        } catch (IOException | RuntimeException e) {
            throw new StoreException(
                    "the model pointer "
                            + POINTER_KEY
                            + " in bucket "
                            + bucket
                            + " is not valid JSON of the expected shape: "
                            + e.getMessage(),
                    e);
        }
    }

    private static void checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches() || version.equals("CURRENT")) {
            throw new IllegalArgumentException(
                    "model version must be 1-128 letters, digits, '.', '_' or '-' (not CURRENT), got "
                            + version);
        }
    }

    private static void checkFiles(String version, Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("model " + version + " has no files");
        }
        for (String name : files.keySet()) {
            boolean bad =
                    name.isEmpty()
                            || name.startsWith("/")
                            || name.endsWith("/")
                            || name.contains("\\")
                            || name.contains("//")
                            || ("/" + name + "/").contains("/../")
                            || ("/" + name + "/").contains("/./");
            if (bad) {
                throw new IllegalArgumentException(
                        "model "
                                + version
                                + " file name must be a relative path without '.', '..' or empty segments, got '"
                                + name
                                + "'");
            }
        }
    }

    private static String fileKey(String version, String name) {
        return PREFIX + version + "/" + name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
