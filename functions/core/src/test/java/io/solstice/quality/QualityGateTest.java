package io.solstice.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {

    /** Enough events for the minimum-events rule, so that only the rule under test can fire. */
    private static final QualityThresholds LIMITS =
            new QualityThresholds(0.5, 20, 0.5, 0.01, 0.01, 0.05, 0.001, 0.6, 10, 0, 0);

    @Test
    void givenOneDayWithEveryPriceZero_whenChecked_thenTheGateRefusesNamingRuleDayAndFigure() {
        Events events =
                new Events()
                        .day("2011-03-01", 30, 1.5)
                        .day("2011-03-02", 30, 0.0)
                        .day("2011-03-03", 30, 1.5);

        List<QualityViolation> violations = QualityGate.check(events.report(), LIMITS);

        assertThat(violations).hasSize(1);
        QualityViolation violation = violations.get(0);
        assertThat(violation.rule()).isEqualTo("accuracy.zero_price_day");
        assertThat(violation.figure()).isEqualTo(1.0);
        assertThat(violation.limit()).isEqualTo(0.5);
        assertThat(violation.variable()).isEqualTo("SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE");
        assertThat(violation.message())
                .isEqualTo(
                        "accuracy.zero_price_day: 100.00% of purchase lines on 2011-03-02 had a"
                                + " zero or negative price (30 of 30; 1 day over the limit); the"
                                + " limit is 50.00% (SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE)");
    }

    @Test
    void givenASmallDayWithZeroPrices_whenChecked_thenItIsTooSmallToBeJudged() {
        Events events = new Events().day("2011-03-01", 30, 1.5).day("2011-03-02", 5, 0.0);

        assertThat(QualityGate.check(events.report(), LIMITS)).isEmpty();
    }

    @Test
    void givenMostlyGuests_whenChecked_thenTheMissingUserShareIsRefused() {
        Events events = new Events().day("2011-03-01", 10, 1.5);
        for (int i = 0; i < 20; i++) {
            events.purchase(null, "10001", 1, 1.5, "2011-03-01T11:00");
        }

        List<QualityViolation> violations = QualityGate.check(events.report(), LIMITS);

        assertThat(violations)
                .extracting(QualityViolation::rule)
                .containsExactly("cleaning.dropped_share", "completeness.missing_user");
        assertThat(violations.get(1).message())
                .startsWith("completeness.missing_user: 66.67% of events: no shopper id");
    }

    @Test
    void givenTooFewEvents_whenCheckedWithDefaults_thenMinimumEventsIsRefused() {
        DataQualityReport report = new Events().day("2011-03-01", 30, 1.5).report();

        assertThat(QualityGate.check(report, QualityThresholds.defaults()))
                .extracting(QualityViolation::message)
                .containsExactly(
                        "completeness.min_events: 30 events read, fewer than the minimum 1000"
                                + " (SOLSTICE_QUALITY_MIN_EVENTS)");
    }

    @Test
    void givenFreshnessLimits_whenDataIsOld_thenAgeAndRecentVolumeAreRefused() {
        DataQualityReport report = new Events().day("2011-03-01", 30, 1.5).report();
        QualityThresholds strict =
                new QualityThresholds(0.5, 20, 0.5, 0.01, 0.01, 0.05, 0.001, 0.6, 10, 100, 2);

        assertThat(QualityGate.check(report, strict))
                .extracting(QualityViolation::rule)
                .containsExactly("timeliness.recent_events", "timeliness.newest_event_age");
    }

    @Test
    void givenEnvironmentVariables_whenRead_thenSetOnesOverrideAndBadOnesAreNamed() {
        QualityThresholds read =
                QualityThresholds.fromEnvironment(
                        Map.of(
                                "SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE", "0.2",
                                "SOLSTICE_QUALITY_MIN_EVENTS", "5"));

        assertThat(read.maxZeroPriceDayShare()).isEqualTo(0.2);
        assertThat(read.minEvents()).isEqualTo(5);
        assertThat(read.maxMissingUserShare())
                .isEqualTo(QualityThresholds.defaults().maxMissingUserShare());
        assertThatThrownBy(
                        () ->
                                QualityThresholds.fromEnvironment(
                                        Map.of("SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE", "50%")))
                .hasMessage(
                        "environment variable SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE: expected a"
                                + " share between 0 and 1, e.g. 0.25, got '50%'");
        assertThatThrownBy(
                        () ->
                                QualityOptions.fromEnvironment(
                                        Map.of("SOLSTICE_QUALITY_SHOP_OPENED", "May 2010")))
                .hasMessageContaining("SOLSTICE_QUALITY_SHOP_OPENED");
    }
}
