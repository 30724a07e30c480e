package io.solstice.local;

import io.solstice.local.internal.ChildService;
import io.solstice.local.internal.NodeModules;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local DynamoDB stand-in: npm {@code dynalite} run by Node.js on a free loopback port.
 *
 * <p>Tables become ACTIVE at once ({@code --createTableMs 0}). Data lives in memory unless a data
 * folder is given. Point an SDK client at {@link #endpoint()} with any region and any static
 * credentials, e.g. {@link #ACCESS_KEY_ID}/{@link #SECRET_ACCESS_KEY}. Transactions, TTL and
 * PartiQL are not supported by dynalite.
 *
 * <pre>{@code
 * try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())...;
 * }
 * }</pre>
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** An access key id the stand-in accepts (it accepts any). */
    public static final String ACCESS_KEY_ID = "local";

    /** A secret access key the stand-in accepts (it accepts any). */
    public static final String SECRET_ACCESS_KEY = "local";

    /** A region name to configure clients with; the stand-in ignores it. */
    public static final String REGION = "us-east-1";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final ChildService service;

    private LocalDynamoDb(ChildService service) {
        this.service = service;
    }

    /** Starts dynalite with its data in memory and waits until it answers. */
    public static LocalDynamoDb start() {
        return start(null);
    }

    /**
     * Starts dynalite and waits until it answers.
     *
     * @param dataDirectory LevelDB folder that keeps the tables across runs, or {@code null} to
     *     keep them in memory
     */
    public static LocalDynamoDb start(Path dataDirectory) {
        Path cli = NodeModules.resolve("dynalite/cli.js");
        ChildService service =
                ChildService.start(
                        "dynalite",
                        port -> command(cli, port, dataDirectory),
                        Map.of(),
                        READY_TIMEOUT);
        return new LocalDynamoDb(service);
    }

    /** The {@code http://127.0.0.1:port} endpoint to give SDK clients. */
    public URI endpoint() {
        return service.endpoint();
    }

    /** The file that receives dynalite's output. */
    public Path logFile() {
        return service.process().logFile();
    }

    /** Stops dynalite and its process tree; in-memory tables are gone afterwards. */
    @Override
    public void close() {
        service.close();
    }

    private static List<String> command(Path cli, int port, Path dataDirectory) {
        List<String> command = new ArrayList<>();
        command.add(NodeRuntime.executable());
        command.add(cli.toString());
        command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(List.of("--createTableMs", "0", "--deleteTableMs", "0"));
        command.addAll(List.of("--updateTableMs", "0"));
        if (dataDirectory != null) {
            command.addAll(List.of("--path", dataDirectory.toAbsolutePath().toString()));
        }
        return command;
    }
}
