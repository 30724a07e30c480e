package io.solstice.ingest.backfill;

import io.solstice.store.StoreException;
import io.solstice.store.dynamodb.EventStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The bulk backfill command: imports a historical transactions CSV (a local file or {@code
 * s3://bucket/key}) into the events table with {@link EventBackfill}. Options: {@link
 * BackfillOptions#USAGE}. Credentials come from the AWS SDK's default chain.
 *
 * <p>Exit status: 0 when every row was handled (rejected rows included; the summary lists them), 2
 * for a usage error or a file that cannot be read, 1 when storing failed (running it again is
 * safe).
 */
public final class BackfillCommand {

    /** Every row handled, whatever the outcome. */
    public static final int DONE = 0;

    /** Storing failed after the store's retries. */
    public static final int STORE_FAILED = 1;

    /** Bad options, or the source cannot be read. */
    public static final int USAGE_ERROR = 2;

    private static final Logger LOG = Logger.getLogger(BackfillCommand.class);

    /** The functions' log line format (quarkus.log.console.format). */
    private static final String FORMAT = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5p [%c{2.}] %s%e%n";

    private BackfillCommand() {}

    public static void main(String[] args) {
        logToStandardError();
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    /**
     * Sends info and above to standard error in the functions' line format. Outside Quarkus the
     * JBoss LogManager has only Quarkus' start-up handler, which holds records until Quarkus
     * starts, so nothing would show.
     */
    private static void logToStandardError() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.INFO);
        root.addHandler(
                new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR, new PatternFormatter(FORMAT)));
    }

    /** Runs the command with clients built from the options; answers the exit status. */
    public static int run(
            List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.print(BackfillOptions.USAGE);
            return DONE;
        }
        BackfillOptions options;
        try {
            options = BackfillOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(BackfillOptions.USAGE);
            return USAGE_ERROR;
        }
        DynamoDbClient dynamoDb;
        try {
            dynamoDb = dynamoDb(options);
        } catch (SdkException e) {
            err.println("--region: expected an AWS region (or AWS_REGION), got none: " + e);
            return USAGE_ERROR;
        }
        try (dynamoDb) {
            return run(options, dynamoDb, () -> s3(options), out, err);
        }
    }

    /**
     * Runs the import with the given clients (tests pass clients for the local stand-ins).
     *
     * @param s3 gives an S3 client; called only for an S3 source, and closed here
     */
    public static int run(
            BackfillOptions options,
            DynamoDbClient dynamoDb,
            Supplier<S3Client> s3,
            PrintStream out,
            PrintStream err) {
        Clients clients = new Clients(s3);
        try (clients;
                Reader csv = options.source().open(clients::s3);
                EventStore store = store(options, dynamoDb)) {
            BackfillSummary summary =
                    new EventBackfill(
                                    store,
                                    options.earliest(),
                                    Clock.systemUTC(),
                                    options.progressEvery())
                            .run(csv, options.mapping(), options.source().location());
            out.println(summary.describe());
            return DONE;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("backfill failed source=" + options.source().location() + ": " + e);
            return USAGE_ERROR;
        } catch (StoreException | SdkException e) {
            LOG.errorf(
                    e,
                    "backfill stopped source=%s table=%s; events stored so far stay, and running"
                            + " it again stores nothing twice",
                    options.source().location(),
                    options.table());
            err.println("backfill stopped: " + e.getMessage());
            return STORE_FAILED;
        }
    }

    private static EventStore store(BackfillOptions options, DynamoDbClient dynamoDb) {
        return new EventStore(
                dynamoDb, options.table(), options.parallelism(), options.retention());
    }

    private static DynamoDbClient dynamoDb(BackfillOptions options) {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (options.region() != null) {
            builder.region(Region.of(options.region()));
        }
        if (options.dynamoDbEndpoint() != null) {
            builder.endpointOverride(options.dynamoDbEndpoint());
        }
        return builder.build();
    }

    private static S3Client s3(BackfillOptions options) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        if (options.region() != null) {
            builder.region(Region.of(options.region()));
        }
        if (options.s3Endpoint() != null) {
            builder.endpointOverride(options.s3Endpoint())
                    .serviceConfiguration(
                            S3Configuration.builder()
                                    .pathStyleAccessEnabled(true)
                                    .chunkedEncodingEnabled(false)
                                    .build());
        }
        return builder.build();
    }

    /** The S3 client, made on first use and closed with the command. */
    private static final class Clients implements AutoCloseable {

        private final Supplier<S3Client> factory;

        private S3Client s3;

        Clients(Supplier<S3Client> factory) {
            this.factory = factory;
        }

        S3Client s3() {
            if (s3 == null) {
                s3 = factory.get();
            }
            return s3;
        }

        @Override
        public void close() {
            if (s3 != null) {
                s3.close();
            }
        }
    }
}
