package io.solstice.store.s3;

import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reports of training runs in the model bucket, under {@code reports/<run>/<name>}: every run's
 * data quality report, including the runs that were refused and published no model. Nothing here
 * writes under {@code models/}, so the served pointer is never touched. HTML and JSON files get
 * their content type, so a browser opens them straight from S3.
 */
public final class RunReports {

    /** Key prefix of everything written here. */
    public static final String PREFIX = "reports/";

    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final Logger LOG = Logger.getLogger(RunReports.class);

    private final S3Client s3;
    private final String bucket;

    /**
     * @param s3 the caller's client; against s3rver it must have chunked encoding off
     * @param bucket the model bucket
     */
    public RunReports(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Writes the files of one run's report, replacing any of the same names.
     *
     * @param run the run's id (e.g. its model version): letters, digits, {@code .}, {@code _} or
     *     {@code -}, 1-128 characters
     * @param files contents by plain file name (no {@code /})
     * @return the S3 URI of the run's folder, e.g. {@code s3://models/reports/20111210T000000Z/}
     * @throws IllegalArgumentException for a bad run id or file name
     * @throws StoreException naming the run and file when S3 fails
     */
    public String write(String run, Map<String, byte[]> files) {
        check(RUN, run, "run id");
        files.keySet().forEach(name -> check(NAME, name, "report file name"));

        files.forEach((name, content) -> put(run, name, content));
        LOG.infof("run report written run=%s files=%d bucket=%s", run, files.size(), bucket);
        return "s3://" + bucket + "/" + PREFIX + run + "/";
    }

    /** One file of a run's report, if it was written. */
    public Optional<byte[]> read(String run, String name) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(run, name))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw translate(e, "read report file " + name + " of run " + run);
        }
    }

    private void put(String run, String name, byte[] content) {
        try {
            s3.putObject(
                    b ->
                            b.bucket(bucket)
                                    .key(key(run, name))
                                    .contentType(contentType(name))
                                    .contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw translate(e, "write report file " + name + " of run " + run);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return name.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    private static String key(String run, String name) {
        return PREFIX + run + "/" + name;
    }

    private static void check(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what
                            + " must be 1-128 letters, digits, '.', '_' or '-', starting with a"
                            + " letter or digit, got '"
                            + value
                            + "'");
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
}
