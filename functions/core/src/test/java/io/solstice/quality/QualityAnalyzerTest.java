package io.solstice.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.CatalogItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityAnalyzerTest {

    @Test
    void givenCancellations_whenReported_thenOnlyThoseWithAnEarlierPurchaseMatch() {
        Events events =
                new Events()
                        .purchase("u1", "10001", 1, 2.0, "2011-03-01T10:00")
                        .cancellation("u1", "10001", "2011-03-02T10:00")
                        .cancellation("u2", "10001", "2011-03-02T10:00")
                        .purchase("u1", "10002", 1, 2.0, "2011-03-03T10:00")
                        .cancellation("u1", "10002", "2011-03-03T10:00")
                        .cancellation(null, "10001", "2011-03-04T10:00");

        DataQualityReport.Consistency consistency = events.report().consistency();

        assertThat(consistency.cancellations().rows()).isEqualTo(4);
        assertThat(consistency.cancellationsWithPurchase().examples()).containsExactly("C1-2");
        assertThat(consistency.cancellationsWithoutPurchase().examples())
                .containsExactly("C2-3", "C4-5", "C5-6");
        assertThat(consistency.cancellationsWithoutPurchase().share()).isEqualTo(0.75);
    }

    @Test
    void givenGuestAndHugeLines_whenReported_thenOutcomesComeFromTheCleaningRules() {
        Events events =
                new Events()
                        .purchase(null, "10001", 1, 2.0, "2011-03-01T10:00")
                        .purchase("u1", "10001", 5_000, 2.0, "2011-03-01T11:00")
                        .purchase("u1", "10002", -5_000, 2.0, "2011-03-01T12:00")
                        .purchase("u2", "10001", 1, 2.0, "2011-03-01T13:00");

        DataQualityReport report = events.report();
        RuleFinding outliers = report.accuracy().quantityOutliers();

        assertThat(report.completeness().missingUser().outcome().droppedBy())
                .isEqualTo(Map.of("GUEST", 1L));
        assertThat(outliers.rows()).isEqualTo(2);
        assertThat(outliers.outcome().fixed()).isEqualTo(1);
        assertThat(outliers.outcome().droppedBy()).isEqualTo(Map.of("NON_POSITIVE_QUANTITY", 1L));
        assertThat(report.cleanPurchases()).isEqualTo(2);
        assertThat(report.cleaning())
                .filteredOn(step -> step.rule().equals("EXTREME_QUANTITY"))
                .singleElement()
                .satisfies(step -> assertThat(step.action()).isEqualTo("fixed"));
    }

    @Test
    void givenAMissingWeekdayAndAQuietDay_whenReported_thenBothAreListedWithTheirDates() {
        Events events = new Events();
        for (LocalDate day = LocalDate.of(2011, 3, 1);
                day.isBefore(LocalDate.of(2011, 3, 22));
                day = day.plusDays(1)) {
            if (!day.equals(LocalDate.of(2011, 3, 16))) {
                events.day(day.toString(), day.equals(LocalDate.of(2011, 3, 18)) ? 2 : 30, 1.0);
            }
        }
        events.day("2011-03-26", 30, 1.0);

        DataQualityReport.Timeliness timeliness = events.report().timeliness();

        assertThat(timeliness.emptyWeekdays())
                .containsExactly(
                        LocalDate.of(2011, 3, 16),
                        LocalDate.of(2011, 3, 22),
                        LocalDate.of(2011, 3, 23),
                        LocalDate.of(2011, 3, 24),
                        LocalDate.of(2011, 3, 25));
        assertThat(timeliness.emptyWeekendDays()).isEmpty();
        assertThat(timeliness.lowDays())
                .containsExactly(new DataQualityReport.LowDay(LocalDate.of(2011, 3, 18), 2, 30));
    }

    @Test
    void givenNoEvidence_whenReported_thenDescriptionsAndLagAreNotMeasuredAndSaySo() {
        DataQualityReport report =
                new Events().purchase("u1", "10001", 1, 2.0, "2011-03-01T10:00").report();

        assertThat(report.consistency().conflictingDescriptions().measured()).isFalse();
        assertThat(report.timeliness().ingestionLag().measured()).isFalse();
        assertThat(report.notes())
                .anyMatch(n -> n.startsWith("Conflicting descriptions not measured"))
                .anyMatch(n -> n.startsWith("Ingestion lag not measured"));
    }

    @Test
    void givenStoredTimesAndDescriptionVariants_whenReported_thenLagAndConflictsAreMeasured() {
        Events events =
                new Events()
                        .purchase("u1", "10001", 1, 2.0, "2011-03-01T10:00")
                        .purchase("u1", "10002", 1, 2.0, "2011-03-01T12:00");
        SourceEvidence evidence =
                new SourceEvidence(
                        "test",
                        Map.of(
                                "O0-1", Instant.parse("2011-03-01T11:00:00Z"),
                                "O1-2", Instant.parse("2011-03-01T15:00:00Z")),
                        java.util.Optional.of(Map.of("10002", List.of("MUG", "MUG, RED"))));

        DataQualityReport report = events.report(events.catalog(), evidence);

        assertThat(report.timeliness().ingestionLag().medianHours()).isEqualTo(1.0);
        assertThat(report.timeliness().ingestionLag().maxHours()).isEqualTo(3.0);
        assertThat(report.consistency().conflictingDescriptions().rows()).isEqualTo(1);
        assertThat(report.consistency().conflictingDescriptions().note())
                .isEqualTo("e.g. 10002: 'MUG' / 'MUG, RED'");
    }

    @Test
    void givenUnknownItemsAndUndescribedEntries_whenReported_thenCatalogueFindingsCountThem() {
        Events events =
                new Events()
                        .purchase("u1", "10001", 1, 2.0, "2011-03-01T10:00")
                        .purchase("u1", "POST", 1, 2.0, "2011-03-01T10:00");
        List<CatalogItem> catalog =
                List.of(
                        new CatalogItem("10001", "", null, "mugs", 2.0, true),
                        new CatalogItem("10001", "MUG", "MUG", "cups", 2.0, true));

        DataQualityReport report = events.report(catalog, SourceEvidence.none("test"));

        assertThat(report.consistency().unknownItems().examples()).containsExactly("O1-2");
        assertThat(report.consistency().unknownItems().note())
                .isEqualTo("1 distinct item ids: POST");
        assertThat(report.accuracy().nonProductCodes().rows()).isEqualTo(1);
        assertThat(report.completeness().itemsWithoutDescription().rows()).isEqualTo(1);
        assertThat(report.consistency().duplicateCatalogIds().rows()).isEqualTo(1);
        assertThat(report.consistency().conflictingCategories().rows()).isEqualTo(1);
    }

    @Test
    void givenAReport_whenWrittenAsJson_thenItReadsBackEqualWithTheGateVerdictFirst() {
        DataQualityReport report =
                new Events()
                        .purchase("u1", "10001", 1, 2.0, "2011-03-01T10:00")
                        .cancellation(null, "10001", "2011-03-02T10:00")
                        .report();
        List<QualityViolation> violations = QualityGate.check(report, QualityThresholds.defaults());

        byte[] json = QualityReportJson.write(report, violations);

        assertThat(QualityReportJson.read(json)).isEqualTo(report);
        assertThat(QualityReportJson.readViolations(json)).isEqualTo(violations);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("{\n  \"gate\" : {\n    \"passed\" : false");
    }

    @Test
    void givenARefusedReport_whenRenderedAsHtml_thenThePageNamesTheViolationsEscaped() {
        DataQualityReport report =
                new Events().purchase("u1", "<b>", 1, 2.0, "2011-03-01T10:00").report();
        List<QualityViolation> violations = QualityGate.check(report, QualityThresholds.defaults());

        String html =
                new String(QualityReportHtml.render(report, violations), StandardCharsets.UTF_8);

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("refused", "completeness.min_events", "&lt;b&gt;")
                .doesNotContain("<b>1 distinct", "<script");
    }
}
