package io.solstice.ingest.backfill;

import io.solstice.event.InteractionValidator;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.store.dynamodb.EventStore;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link BackfillCommand}.
 *
 * @param source the transactions file or S3 object
 * @param mapping which columns hold which field, and how times are written
 * @param table the events table
 * @param progressEvery rows between progress lines
 * @param earliest the earliest event time accepted
 * @param retention how long after it happened an event is kept; {@link Duration#ZERO}: forever
 * @param parallelism DynamoDB calls in flight at once per batch
 * @param region the AWS region, or {@code null} for the SDK's default chain
 * @param dynamoDbEndpoint another DynamoDB endpoint (a local stand-in), or {@code null}
 * @param s3Endpoint another S3 endpoint (a local stand-in, path-style), or {@code null}
 */
public record BackfillOptions(
        TransactionsSource source,
        ColumnMapping mapping,
        String table,
        long progressEvery,
        Instant earliest,
        Duration retention,
        int parallelism,
        String region,
        URI dynamoDbEndpoint,
        URI s3Endpoint) {

    /** The options and what they do, for {@code --help} and usage errors. */
    public static final String USAGE =
            """
            Imports a transactions CSV file into the events table, through the ingest function's
            validation and storage. Event ids come from each row's content: running it again
            stores nothing twice.

              --source=PATH|s3://bucket/key  the file; gzip is recognised from its content (required)
              --table=NAME                   events table (default: SOLSTICE_EVENTS_TABLE)
              --map=field=Column,...         columns of user, item, time, quantity, price, country,
                                             order, description (default: the Online Retail layout,
                                             InvoiceNo,StockCode,Description,Quantity,InvoiceDate,
                                             UnitPrice,CustomerID,Country)
              --time-format=PATTERN          how times are written (default: yyyy-MM-dd HH:mm:ss)
              --zone=ZONE                    the zone times are local to (default: Europe/London)
              --progress-every=N             rows between progress lines (default: 50000)
              --earliest=INSTANT             refuse older events (default: 2000-01-01T00:00:00Z)
              --retention-days=N             write expiresAt, as the ingest function does
                                             (default: SOLSTICE_EVENTS_RETENTION_DAYS, else 0 = never)
              --parallelism=N                DynamoDB calls at once per batch of 500 (default: 4)
              --region=REGION                AWS region (default: the SDK's, e.g. AWS_REGION)
              --dynamodb-endpoint=URL        another DynamoDB endpoint, e.g. a local stand-in
              --s3-endpoint=URL              another S3 endpoint (path-style), e.g. a local stand-in
            """;

    private static final String DEFAULT_PARALLELISM =
            String.valueOf(EventStore.DEFAULT_PARALLELISM);

    private static final List<String> NAMES =
            List.of(
                    "source",
                    "table",
                    "map",
                    "time-format",
                    "zone",
                    "progress-every",
                    "earliest",
                    "retention-days",
                    "parallelism",
                    "region",
                    "dynamodb-endpoint",
                    "s3-endpoint");

    /**
     * Reads the command line.
     *
     * @param args {@code --name=value} options
     * @param environment environment variables (SOLSTICE_EVENTS_TABLE,
     *     SOLSTICE_EVENTS_RETENTION_DAYS)
     * @throws IllegalArgumentException naming the option, what it expects and what it got
     */
    public static BackfillOptions parse(List<String> args, Map<String, String> environment) {
        Map<String, String> given = byName(args);

        String table = orElse(given.get("table"), environment.get("SOLSTICE_EVENTS_TABLE"));
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException(
                    "--table: expected the events table name (or SOLSTICE_EVENTS_TABLE), got"
                            + " nothing");
        }
        String retentionDays =
                orElse(
                        given.get("retention-days"),
                        environment.getOrDefault("SOLSTICE_EVENTS_RETENTION_DAYS", "0"));
        return new BackfillOptions(
                TransactionsSource.parse(given.get("source")),
                mapping(given),
                table,
                positive("progress-every", orElse(given.get("progress-every"), "50000")),
                earliest(orElse(given.get("earliest"), "2000-01-01T00:00:00Z")),
                Duration.ofDays(atLeast("retention-days", retentionDays, 0)),
                (int)
                        positive(
                                "parallelism",
                                orElse(given.get("parallelism"), DEFAULT_PARALLELISM)),
                given.get("region"),
                uri("dynamodb-endpoint", given.get("dynamodb-endpoint")),
                uri("s3-endpoint", given.get("s3-endpoint")));
    }

    private static Map<String, String> byName(List<String> args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException(
                        "expected an option --name=value among --"
                                + String.join(", --", NAMES)
                                + ", got \""
                                + arg
                                + "\"");
            }
            given.put(name, arg.substring(equals + 1));
        }
        return given;
    }

    private static ColumnMapping mapping(Map<String, String> given) {
        ColumnMapping mapping = ColumnMapping.onlineRetail();
        if (given.containsKey("map")) {
            mapping = ColumnMappingOption.apply(mapping, given.get("map"));
        }
        if (given.containsKey("time-format")) {
            mapping = timeFormat(mapping, given.get("time-format"));
        }
        if (given.containsKey("zone")) {
            mapping = mapping.withZone(zone(given.get("zone")));
        }
        return mapping;
    }

    private static ColumnMapping timeFormat(ColumnMapping mapping, String pattern) {
        try {
            return mapping.withTimestampPattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--time-format: expected a date-time pattern such as yyyy-MM-dd HH:mm:ss, got \""
                            + pattern
                            + "\" ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "--zone: expected a zone id such as Europe/London, got \"" + text + "\"", e);
        }
    }

    private static Instant earliest(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "--earliest: expected an instant such as "
                            + InteractionValidator.DEFAULT_EARLIEST
                            + ", got \""
                            + text
                            + "\"",
                    e);
        }
    }

    private static long positive(String name, String text) {
        return atLeast(name, text, 1);
    }

    private static long atLeast(String name, String text, long minimum) {
        try {
            long number = Long.parseLong(text.trim());
            if (number >= minimum && number <= Integer.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--"
                        + name
                        + ": expected an integer of at least "
                        + minimum
                        + ", got \""
                        + text
                        + "\"");
    }

    private static URI uri(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--"
                        + name
                        + ": expected a URL such as http://127.0.0.1:8000, got \""
                        + text
                        + "\"");
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
