package io.solstice.train.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.model.ModelManifest;
import io.solstice.model.ServingModel;
import io.solstice.quality.QualityReportHtml;
import io.solstice.quality.QualityReportJson;
import io.solstice.quality.QualityViolation;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.RunReports;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The train job's gates against the local DynamoDB and S3 stand-ins: a first run on the real-data
 * slice publishes a model with its quality report and promotion report. A served model that claims
 * a far better record keeps a new model from being promoted. Then a day on which the storefront
 * sent every price as zero is stored, and the next run is refused before training, names the rule
 * and the figure, writes its report under {@code reports/<run>/}, and leaves {@code models/CURRENT}
 * where it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainJobQualityGateTest {

    private static final String ZERO_PRICE_DAY = "2011-12-12";
    private static final int ZERO_PRICE_LINES = 40;

    private static SliceInStandIns stores;
    private static S3Client s3Client;
    private static ModelPointer first;

    @BeforeAll
    static void storeSliceAndPublishAFirstModel() throws Exception {
        stores = SliceInStandIns.start();
        s3Client = stores.s3Client();
        first = new TrainJob(stores.settings()).run();
    }

    @AfterAll
    static void stopStandIns() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    @Order(1)
    void givenCleanSlice_whenTrainJobRuns_thenTheQualityReportIsPublishedBesideTheModel() {
        Map<String, byte[]> files =
                new ModelRepository(s3Client, SliceInStandIns.BUCKET)
                        .loadCurrent()
                        .orElseThrow()
                        .files();

        assertThat(files).containsKeys(QualityReportJson.FILE_NAME, QualityReportHtml.FILE_NAME);
        assertThat(QualityReportJson.read(files.get(QualityReportJson.FILE_NAME)).events())
                .isEqualTo(stores.slice().size());
        assertThat(QualityReportJson.readViolations(files.get(QualityReportJson.FILE_NAME)))
                .isEmpty();
        assertThat(
                        new RunReports(s3Client, SliceInStandIns.BUCKET)
                                .read(first.version(), "quality-report.html"))
                .hasValue(files.get(QualityReportHtml.FILE_NAME));
    }

    @Test
    @Order(2)
    void givenCleanSlice_whenTrainJobRuns_thenThePromotionReportSaysWhyItWasPromoted()
            throws Exception {
        byte[] report =
                new ModelRepository(s3Client, SliceInStandIns.BUCKET)
                        .loadCurrent()
                        .orElseThrow()
                        .files()
                        .get(PromotionReport.FILE_NAME);

        JsonNode json = new ObjectMapper().readTree(report);
        assertThat(json.get("promoted").asBoolean()).isTrue();
        assertThat(json.get("checks").toString())
                .contains("passed: all mode NDCG@20", "passed: discovery mode NDCG@20");
        assertThat(json.get("metrics").get(PromotionGate.LIFT_ALL).asDouble()).isGreaterThan(1);
    }

    @Test
    @Order(3)
    void givenServedModelWithAFarBetterRecord_whenTrainJobRuns_thenNewModelIsNotPromoted()
            throws Exception {
        // given: the served model claims a lift over the baselines no new model reaches
        ModelRepository models = new ModelRepository(s3Client, SliceInStandIns.BUCKET);
        String served = publishWithRecordedLift(models, 50.0);

        // when
        ModelNotPromotedException refused =
                catchThrowableOfType(
                        ModelNotPromotedException.class,
                        () -> new TrainJob(stores.settings()).run());

        // then: the served model stays and the report says which check failed
        assertThat(refused).isNotNull();
        assertThat(refused.checks())
                .anyMatch(c -> c.startsWith("FAILED: lift over the best baseline"));
        assertThat(models.currentPointer().orElseThrow().version()).isEqualTo(served);
        String run = refused.reportLocation().replaceAll(".*/reports/([^/]+)/$", "$1");
        byte[] report =
                new RunReports(s3Client, SliceInStandIns.BUCKET)
                        .read(run, PromotionReport.FILE_NAME)
                        .orElseThrow();
        assertThat(new ObjectMapper().readTree(report).get("promoted").asBoolean()).isFalse();
    }

    /** Re-publishes the served model with {@code lift} recorded in its manifest. */
    private static String publishWithRecordedLift(ModelRepository models, double lift) {
        Map<String, byte[]> files = new LinkedHashMap<>(models.loadCurrent().orElseThrow().files());
        ServingModel model = ServingModel.fromFiles(files);
        ModelManifest m = model.manifest();
        Map<String, Double> metrics = new LinkedHashMap<>(m.metrics());
        metrics.put(PromotionGate.LIFT_ALL, lift);
        String version = m.modelVersion() + "-claims-more";
        ModelManifest claimed =
                new ModelManifest(
                        version,
                        m.createdAt(),
                        m.dataFrom(),
                        m.dataTo(),
                        m.eventsRead(),
                        m.purchasesUsed(),
                        m.hyperparameters(),
                        m.trainingDates(),
                        m.validationDate(),
                        m.codeVersion(),
                        m.device(),
                        m.featureNames(),
                        m.validationLosses(),
                        metrics);
        files.putAll(
                new ServingModel(claimed, model.weights(), model.signals(), model.catalog())
                        .toFiles());
        return models.publish(version, files).version();
    }

    @Test
    @Order(4)
    void givenADayWithEveryPriceZero_whenTrainJobRuns_thenItRefusesAndTheServedModelStays() {
        // given: a later trading day on which the storefront sent every price as zero
        stores.write(zeroPriceDay());
        ModelRepository models = new ModelRepository(s3Client, SliceInStandIns.BUCKET);
        String servedBefore = models.currentPointer().orElseThrow().version();

        // when
        TrainingRefusedException refused =
                catchThrowableOfType(
                        TrainingRefusedException.class,
                        () -> new TrainJob(stores.settings()).run());

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

        // then: the served model is unchanged, and the refusal's report is readable
        assertThat(models.currentPointer().orElseThrow().version()).isEqualTo(servedBefore);
        String run = refused.reportLocation().replaceAll(".*/reports/([^/]+)/$", "$1");
        byte[] json =
                new RunReports(s3Client, SliceInStandIns.BUCKET)
                        .read(run, "quality-report.json")
                        .orElseThrow();
        assertThat(QualityReportJson.readViolations(json)).isEqualTo(refused.violations());
        assertThat(run).isNotEqualTo(first.version());
    }

    /** Forty purchase lines of the slice's shoppers and items, all priced zero, on one day. */
    private static List<Interaction> zeroPriceDay() {
        List<Interaction> purchases =
                stores.slice().stream()
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
