package io.solstice.ingest.backfill;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where a transactions file is read from: a local path or an S3 object ({@code s3://bucket/key}).
 * Either may be gzip-compressed; that is recognised from the content (the gzip magic bytes), not
 * the name. The text is UTF-8.
 *
 * @param location as given, e.g. {@code s3://solstice-imports/online_retail.csv.gz}
 * @param file the local file, or {@code null} for an S3 object
 * @param bucket the S3 bucket, or {@code null} for a local file
 * @param key the S3 object key, or {@code null} for a local file
 */
public record TransactionsSource(String location, Path file, String bucket, String key) {

    private static final String S3_SCHEME = "s3://";

    private static final int BUFFER = 1 << 16;

    /**
     * Reads a location.
     *
     * @throws IllegalArgumentException when an {@code s3://} location lacks a bucket or a key
     */
    public static TransactionsSource parse(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException(
                    "--source: expected a file path or s3://bucket/key, got nothing");
        }
        if (!location.startsWith(S3_SCHEME)) {
            return new TransactionsSource(location, Path.of(location), null, null);
        }
        String rest = location.substring(S3_SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(
                    "--source: expected s3://bucket/key with both parts, got \"" + location + "\"");
        }
        return new TransactionsSource(
                location, null, rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** True for an S3 object. */
    public boolean isS3() {
        return bucket != null;
    }

    /**
     * Opens the text for reading, unzipping it when it is gzip data.
     *
     * @param s3 gives the S3 client; only called for an S3 object
     * @throws IOException when the file or object cannot be read, naming the location
     */
    public Reader open(Supplier<S3Client> s3) throws IOException {
        InputStream raw = isS3() ? openObject(s3.get()) : openFile();
        InputStream data = new BufferedInputStream(raw, BUFFER);
        if (isGzip(data)) {
            data = new GZIPInputStream(data, BUFFER);
        }
        return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), BUFFER);
    }

    private InputStream openFile() throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(
                    file.toAbsolutePath().toString(), null, "--source: no such file");
        }
    }

    private InputStream openObject(S3Client s3) throws IOException {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("Could not read " + location + ": " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(InputStream data) throws IOException {
        data.mark(2);
        int first = data.read();
        int second = data.read();
        data.reset();
        return first == 0x1f && second == 0x8b;
    }
}
