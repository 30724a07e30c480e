package io.solstice.local;

import io.solstice.local.internal.ChildService;
import io.solstice.local.internal.NodeModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local S3 stand-in: npm {@code s3rver} run by Node.js on a free loopback port, storing objects
 * in a temporary folder that is deleted on {@link #close()}.
 *
 * <p>Clients must use path-style access, the credentials {@link #ACCESS_KEY_ID}/{@link
 * #SECRET_ACCESS_KEY}, and <b>chunked encoding switched off</b>: s3rver silently stores corrupted
 * objects when the SDK uploads with {@code aws-chunked} encoding.
 */
public final class LocalS3 implements AutoCloseable {

    /** The access key id s3rver expects. */
    public static final String ACCESS_KEY_ID = "S3RVER";

    /** The secret access key s3rver expects. */
    public static final String SECRET_ACCESS_KEY = "S3RVER";

    /** A region name to configure clients with; the stand-in ignores it. */
    public static final String REGION = "us-east-1";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final ChildService service;

    private final Path directory;

    private LocalS3(ChildService service, Path directory) {
        this.service = service;
        this.directory = directory;
    }

    /**
     * Starts s3rver in a fresh temporary folder and waits until it answers.
     *
     * @param buckets buckets that exist from the start (more can be created through the API)
     */
    public static LocalS3 start(String... buckets) {
        Path cli = NodeModules.resolve("s3rver/bin/s3rver.js");
        Path directory = createDirectory();
        try {
            ChildService service =
                    ChildService.start(
                            "s3rver",
                            port -> command(cli, port, directory, buckets),
                            Map.of(),
                            READY_TIMEOUT);
            return new LocalS3(service, directory);
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    /** The {@code http://127.0.0.1:port} endpoint to give SDK clients (path-style). */
    public URI endpoint() {
        return service.endpoint();
    }

    /** The folder where s3rver keeps the objects. */
    public Path directory() {
        return directory;
    }

    /** The file that receives s3rver's output. */
    public Path logFile() {
        return service.process().logFile();
    }

    /** Stops s3rver and its process tree and deletes its folder. */
    @Override
    public void close() {
        service.close();
        deleteRecursively(directory);
    }

    private static List<String> command(Path cli, int port, Path directory, String[] buckets) {
        List<String> command = new ArrayList<>();
        command.add(NodeRuntime.executable());
        command.add(cli.toString());
        command.addAll(List.of("--directory", directory.toString()));
        command.addAll(List.of("--address", "127.0.0.1", "--port", Integer.toString(port)));
        command.add("--no-vhost-buckets");
        for (String bucket : buckets) {
            command.addAll(List.of("--configure-bucket", bucket));
        }
        return command;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("solstice-s3rver-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for s3rver", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the s3rver folder " + root, e);
        }
    }
}
