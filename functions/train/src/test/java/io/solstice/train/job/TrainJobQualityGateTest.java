package io.solstice.train.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import io.solstice.quality.QualityReportHtml;
import io.solstice.quality.QualityReportJson;
import io.solstice.quality.QualityViolation;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.RunReports;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The train job's quality gate against the local DynamoDB and S3 stand-ins: a first run on the
 * real-data slice publishes a model with its quality report; then a day on which the storefront
 * sent every price as zero is stored, and the second run is refused before training, names the rule
 * and the figure, writes its report under {@code reports/<run>/}, and leaves {@code models/CURRENT}
 * on the first model.
 */
class TrainJobQualityGateTest {

    private static final String EVENTS = "events";
    private static final String CATALOG = "catalog";
    private static final String BUCKET = "models";
    private static final String ZERO_PRICE_DAY = "2011-12-12";
    private static final int ZERO_PRICE_LINES = 40;

    private static LocalDynamoDb dynamoDb;
    private static LocalS3 s3;
    private static DynamoDbClient dynamoDbClient;
    private static S3Client s3Client;
    private static TrainJobSettings settings;
    private static List<Interaction> slice;
    private static ModelPointer first;

    @BeforeAll
    static void storeSliceAndPublishAFirstModel() throws Exception {
        dynamoDb = LocalDynamoDb.start();
        s3 = LocalS3.start(BUCKET);
        dynamoDbClient = StoreClients.dynamoDb(dynamoDb.endpoint(), "us-east-1", "local", "local");
        s3Client = StoreClients.s3(s3.endpoint(), "us-east-1", "S3RVER", "S3RVER");
        Tables.createEventsTableIfMissing(dynamoDbClient, EVENTS);
        Tables.createCatalogTableIfMissing(dynamoDbClient, CATALOG);
        storeSlice();
        settings =
                TrainJobSettings.from(
                        Map.of(
                                "SOLSTICE_EVENTS_TABLE",
                                EVENTS,
                                "SOLSTICE_CATALOG_TABLE",
                                CATALOG,
                                "SOLSTICE_MODEL_BUCKET",
                                BUCKET,
                                "SOLSTICE_DYNAMODB_ENDPOINT",
                                dynamoDb.endpoint().toString(),
                                "SOLSTICE_S3_ENDPOINT",
                                s3.endpoint().toString(),
                                "SOLSTICE_CODE_VERSION",
                                "test"));

        first = new TrainJob(settings).run();
    }

    private static void storeSlice() throws Exception {
        Path file =
                Path.of(
                        TrainJobQualityGateTest.class
                                .getResource("/data/online-retail-slice.csv.gz")
                                .toURI());
        TransactionsCsv.Contents contents =
                new TransactionsCsv(ColumnMapping.onlineRetail()).readAll(file);
        slice = contents.interactions();
        write(slice);
        new CatalogStore(dynamoDbClient, CATALOG).upsert(contents.report().catalog());
    }

    private static void write(List<Interaction> events) {
        try (EventStore store = new EventStore(dynamoDbClient, EVENTS)) {
            for (int from = 0; from < events.size(); from += 500) {
                store.write(events.subList(from, Math.min(events.size(), from + 500)));
            }
        }
    }

    @AfterAll
    static void stopStandIns() {
        if (dynamoDbClient != null) {
            dynamoDbClient.close();
            s3Client.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void givenCleanSlice_whenTrainJobRuns_thenTheQualityReportIsPublishedBesideTheModel() {
        Map<String, byte[]> files =
                new ModelRepository(s3Client, BUCKET).loadCurrent().orElseThrow().files();

        assertThat(files).containsKeys(QualityReportJson.FILE_NAME, QualityReportHtml.FILE_NAME);
        assertThat(QualityReportJson.read(files.get(QualityReportJson.FILE_NAME)).events())
                .isEqualTo(slice.size());
        assertThat(QualityReportJson.readViolations(files.get(QualityReportJson.FILE_NAME)))
                .isEmpty();
        assertThat(new RunReports(s3Client, BUCKET).read(first.version(), "quality-report.html"))
                .hasValue(files.get(QualityReportHtml.FILE_NAME));
    }

    @Test
    void givenADayWithEveryPriceZero_whenTrainJobRuns_thenItRefusesAndTheServedModelStays() {
        // given: a later trading day on which the storefront sent every price as zero
        write(zeroPriceDay());

        // when
        TrainingRefusedException refused =
                catchThrowableOfType(
                        TrainingRefusedException.class, () -> new TrainJob(settings).run());

        // then: refused, naming the rule and the figure
        assertThat(refused).isNotNull();
        assertThat(refused.violations())
                .extracting(QualityViolation::rule)
                .containsExactly("accuracy.zero_price_day");
        assertThat(refused.getMessage())
                .contains(
                        "accuracy.zero_price_day: 100.00% of purchase lines on "
                                + ZERO_PRICE_DAY
                                + " had a zero or negative price (40 of 40",
                        "the limit is 50.00% (SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE)",
                        "the served model is unchanged");

        // then: the served model is still the first one, and the refusal's report is readable
        ModelRepository models = new ModelRepository(s3Client, BUCKET);
        assertThat(models.currentPointer().orElseThrow().version()).isEqualTo(first.version());
        String run = refused.reportLocation().replaceAll(".*/reports/([^/]+)/$", "$1");
        byte[] json =
                new RunReports(s3Client, BUCKET).read(run, "quality-report.json").orElseThrow();
        assertThat(QualityReportJson.readViolations(json)).isEqualTo(refused.violations());
        assertThat(run).isNotEqualTo(first.version());
    }

    /** Forty purchase lines of the slice's shoppers and items, all priced zero, on one day. */
    private static List<Interaction> zeroPriceDay() {
        List<Interaction> purchases =
                slice.stream()
                        .filter(e -> e.type() == InteractionType.PURCHASE && !e.isGuest())
                        .limit(ZERO_PRICE_LINES)
                        .toList();
        List<Interaction> day = new ArrayList<>();
        for (int i = 0; i < purchases.size(); i++) {
            Interaction from = purchases.get(i);
            day.add(
                    new Interaction(
                            "Z" + ZERO_PRICE_DAY + "-" + i,
                            InteractionType.PURCHASE,
                            from.userId(),
                            from.itemId(),
                            1,
                            0.0,
                            LocalDateTime.parse(ZERO_PRICE_DAY + "T10:00:00")
                                    .atOffset(ZoneOffset.UTC),
                            from.country(),
                            "Z" + i));
        }
        return day;
    }
}
