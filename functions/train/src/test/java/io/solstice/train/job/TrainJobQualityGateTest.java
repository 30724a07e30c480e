package io.solstice.train.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.quality.QualityReportHtml;
import io.solstice.quality.QualityReportJson;
import io.solstice.quality.QualityViolation;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.RunReports;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The train job's quality gate against the local DynamoDB and S3 stand-ins: a first run on the
 * real-data slice publishes a model with its quality report; then a day on which the storefront
 * sent every price as zero is stored, and the second run is refused before training, names the rule
 * and the figure, writes its report under {@code reports/<run>/}, and leaves {@code models/CURRENT}
 * on the first model.
 */
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
    void givenADayWithEveryPriceZero_whenTrainJobRuns_thenItRefusesAndTheServedModelStays() {
        // given: a later trading day on which the storefront sent every price as zero
        stores.write(zeroPriceDay());

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

        // then: the served model is still the first one, and the refusal's report is readable
        ModelRepository models = new ModelRepository(s3Client, SliceInStandIns.BUCKET);
        assertThat(models.currentPointer().orElseThrow().version()).isEqualTo(first.version());
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
