package io.solstice.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.Interaction;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.ingest.backfill.BackfillSummary.RejectionReason;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bulk backfill against dynalite and s3rver, with the first 2,000 lines of the Online Retail
 * file ({@code /data/online-retail-head.csv.gz}: 1,999 invoice lines, all valid) and bad rows
 * appended: the summary counts every row, a second run stores nothing, each bad row is rejected
 * under a reason naming its column, and an S3 object is read like a file.
 */
class EventBackfillTest {

    private static final int SLICE_ROWS = 1_999;

    private static final String BUCKET = "imports";

    private static final String CSV_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** Rows the CSV reader cannot read, or the ingest validator refuses; one of each reason. */
    private static final List<String> BAD_ROWS =
            List.of(
                    "581587,22613,PACK OF 20 SPACEBOY NAPKINS,six,2011-12-09 12:50:00,0.85,12680,France",
                    "581587,22899,CHILDREN'S APRON,6,09/12/2011 12:50,2.10,12680,France",
                    "A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,-11062.06,,United Kingdom",
                    "581587,,NO STOCK CODE,1,2011-12-09 12:50:00,1.00,12680,France",
                    "581587,23254,HUGE ORDER,2000000,2011-12-09 12:50:00,1.00,12680,France",
                    "536000,85123A,BEFORE 2000,1,1999-12-31 10:00:00,2.55,17850,United Kingdom",
                    "581587,BAD\u0007CODE,CONTROL CHARACTER,1,2011-12-09 12:50:00,1.00,12680,France");

    private static LocalDynamoDb dynamo;

    private static LocalS3 s3;

    private static DynamoDbClient dynamoClient;

    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir Path directory;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        s3 = LocalS3.start(BUCKET);
        dynamoClient =
                StoreClients.dynamoDb(
                        dynamo.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY);
    }

    @AfterAll
    static void stop() {
        dynamoClient.close();
        s3.close();
        dynamo.close();
    }

    @Test
    void theSliceIsStoredOnceBadRowsAreRejectedByReasonAndARerunStoresNothing() throws Exception {
        // given the real slice with seven bad rows after it
        String table = freshTable();
        Path file = sliceWith(BAD_ROWS);

        // when
        BackfillSummary first = backfill(file, table);
        BackfillSummary second = backfill(file, table);

        // then every row is counted once: the slice stored, the bad rows rejected
        assertThat(first.rows()).isEqualTo(SLICE_ROWS + BAD_ROWS.size());
        assertThat(first.accepted()).isEqualTo(SLICE_ROWS);
        assertThat(first.duplicate()).isZero();
        assertThat(first.rejected()).isEqualTo(BAD_ROWS.size());
        assertThat(storedEvents(table)).hasSize(SLICE_ROWS);

        // and each bad row has its reason, naming the column
        assertThat(first.reasons())
                .extracting(RejectionReason::reason)
                .anyMatch(r -> r.startsWith("Quantity: expected an integer"))
                .anyMatch(r -> r.startsWith("InvoiceDate: expected a timestamp like"))
                .anyMatch(r -> r.startsWith("UnitPrice (unitPrice): expected"))
                .anyMatch(r -> r.startsWith("StockCode: expected a value"))
                .anyMatch(r -> r.startsWith("Quantity (quantity): expected"))
                .anyMatch(r -> r.startsWith("InvoiceDate (timestamp): expected"))
                .anyMatch(r -> r.startsWith("StockCode (itemId): expected"));
        assertThat(first.reasons()).extracting(RejectionReason::rows).containsOnly(1L);
        assertThat(first.reasons())
                .extracting(RejectionReason::example)
                .anyMatch(e -> e.startsWith("row 2000: Quantity") && e.contains("six"))
                .anyMatch(e -> e.startsWith("row 2002: UnitPrice") && e.contains("-11062.06"));

        // and the second run finds every event stored already
        assertThat(second.accepted()).isZero();
        assertThat(second.duplicate()).isEqualTo(SLICE_ROWS);
        assertThat(second.rejected()).isEqualTo(BAD_ROWS.size());
        assertThat(storedEvents(table)).hasSize(SLICE_ROWS);
    }

    @Test
    void repeatedLinesAreStoredAsTheirOccurrencesWithIdsFromTheirContent() throws Exception {
        // given the slice, whose lines include 36 exact repeats
        String table = freshTable();

        // when
        backfill(slice(), table);

        // then each line is one event, ids derived from content, repeats numbered from 2
        List<Interaction> stored = storedEvents(table);
        assertThat(stored).extracting(Interaction::eventId).doesNotHaveDuplicates();
        assertThat(stored).allMatch(e -> e.eventId().matches("tx-[0-9a-f]{32}(-[0-9]+)?"));
        assertThat(stored).filteredOn(e -> e.eventId().endsWith("-2")).hasSize(34);
        assertThat(stored).filteredOn(e -> e.eventId().endsWith("-3")).hasSize(2);
    }

    @Test
    void anS3ObjectIsReadLikeAFileAndGivesTheSameEventIds() throws Exception {
        // given the slice in s3rver
        String table = freshTable();
        try (S3Client client = s3Client()) {
            client.putObject(
                    b -> b.bucket(BUCKET).key("history/online-retail-head.csv.gz"),
                    RequestBody.fromFile(slice()));
        }

        // when imported from S3 through the command, then from the local copy
        CommandRun fromS3 =
                command(
                        "--source=s3://" + BUCKET + "/history/online-retail-head.csv.gz",
                        "--table=" + table,
                        "--progress-every=500");
        CommandRun fromFile = command("--source=" + slice(), "--table=" + table);

        // then
        assertThat(fromS3.status()).as(fromS3.err()).isEqualTo(BackfillCommand.DONE);
        assertThat(fromS3.out()).startsWith("backfill done rows=1999 accepted=1999 duplicate=0");
        assertThat(fromFile.out()).startsWith("backfill done rows=1999 accepted=0 duplicate=1999");
        assertThat(storedEvents(table)).hasSize(SLICE_ROWS);
    }

    @Test
    void anotherLayoutIsReadThroughTheColumnMapping() throws Exception {
        // given a file with other column names, order and time format
        String table = freshTable();
        Path file = directory.resolve("orders.csv");
        Files.writeString(
                file,
                "order_id,customer,sku,units,price_gbp,placed_at,market\n"
                        + "o-1,c-7,85123A,3,2.55,09/12/2011 10:15,Germany\n"
                        + "o-1,,71053,1,3.39,09/12/2011 10:15,Germany\n");

        // when
        CommandRun run =
                command(
                        "--source=" + file,
                        "--table=" + table,
                        "--map=order=order_id,user=customer,item=sku,quantity=units,"
                                + "price=price_gbp,time=placed_at,country=market,description=",
                        "--time-format=dd/MM/yyyy HH:mm",
                        "--zone=Europe/Berlin");

        // then
        assertThat(run.status()).as(run.err()).isEqualTo(BackfillCommand.DONE);
        assertThat(storedEvents(table))
                .extracting(Interaction::userId, Interaction::itemId, Interaction::quantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("c-7", "85123A", 3),
                        org.assertj.core.groups.Tuple.tuple(null, "71053", 1));
        assertThat(storedEvents(table))
                .allMatch(
                        e -> e.occurredAt().toInstant().toString().equals("2011-12-09T09:15:00Z"));
    }

    @Test
    void badOptionsAndMissingColumnsAreUsageErrorsNamingTheProblem() throws Exception {
        // when
        CommandRun noTable = command("--source=" + slice());
        CommandRun unknownField = command("--source=" + slice(), "--table=t", "--map=shopper=X");
        CommandRun missingColumn =
                command("--source=" + slice(), "--table=" + freshTable(), "--map=user=Customer");
        CommandRun badBucket = command("--source=s3://only-a-bucket", "--table=t");
        Path unterminated = directory.resolve("unterminated.csv");
        Files.writeString(unterminated, CSV_HEADER + "\n536365,\"85123A,WHITE,6\n");
        CommandRun brokenCsv = command("--source=" + unterminated, "--table=" + freshTable());
        CommandRun noFile = command("--source=" + directory.resolve("none.csv"), "--table=t");

        // then
        assertThat(noTable.status()).isEqualTo(BackfillCommand.USAGE_ERROR);
        assertThat(noTable.err()).startsWith("--table: expected the events table name");
        assertThat(unknownField.err())
                .startsWith("--map: expected a field among [user, item, time,")
                .contains("got \"shopper\"");
        assertThat(missingColumn.status()).isEqualTo(BackfillCommand.USAGE_ERROR);
        assertThat(missingColumn.err()).contains("lacks the mapped columns [Customer]");
        assertThat(badBucket.err())
                .startsWith("--source: expected s3://bucket/key with both parts");
        assertThat(brokenCsv.status()).isEqualTo(BackfillCommand.USAGE_ERROR);
        assertThat(brokenCsv.err()).contains("unterminated.csv").contains("EOF");
        assertThat(noFile.status()).isEqualTo(BackfillCommand.USAGE_ERROR);
        assertThat(noFile.err()).contains("none.csv").contains("no such file");
    }

    private BackfillSummary backfill(Path file, String table) throws IOException {
        try (EventStore store = new EventStore(dynamoClient, table);
                Reader csv = TransactionsSource.parse(file.toString()).open(() -> null)) {
            return new EventBackfill(
                            store,
                            io.solstice.event.InteractionValidator.DEFAULT_EARLIEST,
                            Clock.systemUTC(),
                            1_000)
                    .run(csv, ColumnMapping.onlineRetail(), file.toString());
        }
    }

    private CommandRun command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status;
        try {
            BackfillOptions options = BackfillOptions.parse(List.of(args), Map.of());
            status =
                    BackfillCommand.run(
                            options,
                            dynamoClient,
                            EventBackfillTest::s3Client,
                            outStream,
                            errStream);
        } catch (IllegalArgumentException e) {
            // the same path as BackfillCommand.run(args, ...), which builds real clients
            status = BackfillCommand.run(List.of(args), Map.of(), outStream, errStream);
        }
        return new CommandRun(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record CommandRun(int status, String out, String err) {}

    private static S3Client s3Client() {
        return StoreClients.s3(
                s3.endpoint(), LocalS3.REGION, LocalS3.ACCESS_KEY_ID, LocalS3.SECRET_ACCESS_KEY);
    }

    private static String freshTable() {
        String table = "backfill-" + TABLES.incrementAndGet();
        Tables.createEventsTableIfMissing(dynamoClient, table);
        return table;
    }

    private static List<Interaction> storedEvents(String table) {
        List<Interaction> events = new ArrayList<>();
        try (EventStore store = new EventStore(dynamoClient, table)) {
            store.scanAll(1, events::add);
        }
        return events;
    }

    private static Path slice() throws URISyntaxException {
        return Path.of(
                EventBackfillTest.class.getResource("/data/online-retail-head.csv.gz").toURI());
    }

    /** The slice, then the given rows, gzip-compressed under a name that does not say so. */
    private Path sliceWith(List<String> rows) throws IOException, URISyntaxException {
        Path file = directory.resolve("transactions.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(slice()));
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            in.transferTo(out);
            for (String row : rows) {
                out.write((row + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }
}
