package io.solstice.quality;

import io.solstice.quality.DataQualityReport.DayVolume;
import io.solstice.quality.QualityThresholds.Variables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds a {@link DataQualityReport} to {@link QualityThresholds}: the train job trains only when
 * {@link #check} finds no violation.
 */
public final class QualityGate {

    private QualityGate() {}

    /** The limits the report breaks, in a fixed order; empty when the data may be trained on. */
    public static List<QualityViolation> check(DataQualityReport report, QualityThresholds limits) {
        List<QualityViolation> violations = new ArrayList<>();
        checkVolume(report, limits, violations);
        checkCompleteness(report, limits, violations);
        checkAccuracy(report, limits, violations);
        checkFreshness(report, limits, violations);
        return violations;
    }

    /** The purchase lines of the day with the highest zero-price share among days large enough. */
    public static Optional<DayVolume> worstZeroPriceDay(
            DataQualityReport report, long minDayLines) {
        return report.days().stream()
                .filter(day -> day.purchaseLines() >= minDayLines && day.zeroPriceLines() > 0)
                .max(
                        Comparator.comparingDouble(DayVolume::zeroPriceShare)
                                .thenComparing(DayVolume::zeroPriceLines));
    }

    private static void checkVolume(
            DataQualityReport report, QualityThresholds limits, List<QualityViolation> out) {
        if (report.events() < limits.minEvents()) {
            out.add(
                    new QualityViolation(
                            "completeness.min_events",
                            report.events(),
                            limits.minEvents(),
                            Variables.MIN_EVENTS,
                            "completeness.min_events: "
                                    + report.events()
                                    + " events read, fewer than the minimum "
                                    + limits.minEvents()
                                    + " ("
                                    + Variables.MIN_EVENTS
                                    + ")"));
        }
        double dropped = report.droppedShare();
        if (dropped > limits.maxDroppedShare()) {
            out.add(
                    shareViolation(
                            "cleaning.dropped_share",
                            dropped,
                            limits.maxDroppedShare(),
                            Variables.MAX_DROPPED_SHARE,
                            "of events were dropped by the cleaning rules ("
                                    + (report.events() - report.cleanPurchases())
                                    + " of "
                                    + report.events()
                                    + ")"));
        }
    }

    private static void checkCompleteness(
            DataQualityReport report, QualityThresholds limits, List<QualityViolation> out) {
        DataQualityReport.Completeness completeness = report.completeness();
        checkShare(
                completeness.missingUser(),
                limits.maxMissingUserShare(),
                Variables.MAX_MISSING_USER_SHARE,
                out);
        checkShare(
                completeness.missingItem(),
                limits.maxMissingItemShare(),
                Variables.MAX_MISSING_ITEM_SHARE,
                out);
        checkShare(
                completeness.missingPrice(),
                limits.maxMissingPriceShare(),
                Variables.MAX_MISSING_PRICE_SHARE,
                out);
        checkShare(
                report.consistency().unknownItems(),
                limits.maxUnknownItemShare(),
                Variables.MAX_UNKNOWN_ITEM_SHARE,
                out);
    }

    private static void checkAccuracy(
            DataQualityReport report, QualityThresholds limits, List<QualityViolation> out) {
        checkShare(
                report.accuracy().futureTimestamps(),
                limits.maxFutureShare(),
                Variables.MAX_FUTURE_SHARE,
                out);

        Optional<DayVolume> worst = worstZeroPriceDay(report, limits.zeroPriceMinDayLines());
        if (worst.isPresent() && worst.get().zeroPriceShare() > limits.maxZeroPriceDayShare()) {
            DayVolume day = worst.get();
            long daysOver = daysOverZeroPriceLimit(report, limits);
            out.add(
                    shareViolation(
                            "accuracy.zero_price_day",
                            day.zeroPriceShare(),
                            limits.maxZeroPriceDayShare(),
                            Variables.MAX_ZERO_PRICE_DAY_SHARE,
                            "of purchase lines on "
                                    + day.date()
                                    + " had a zero or negative price ("
                                    + day.zeroPriceLines()
                                    + " of "
                                    + day.purchaseLines()
                                    + "; "
                                    + daysOver
                                    + (daysOver == 1 ? " day" : " days")
                                    + " over the limit)"));
        }
    }

    private static long daysOverZeroPriceLimit(DataQualityReport report, QualityThresholds limits) {
        return report.days().stream()
                .filter(day -> day.purchaseLines() >= limits.zeroPriceMinDayLines())
                .filter(day -> day.zeroPriceShare() > limits.maxZeroPriceDayShare())
                .count();
    }

    private static void checkFreshness(
            DataQualityReport report, QualityThresholds limits, List<QualityViolation> out) {
        DataQualityReport.Timeliness timeliness = report.timeliness();
        if (limits.minRecentEvents() > 0 && timeliness.recentEvents() < limits.minRecentEvents()) {
            out.add(
                    new QualityViolation(
                            "timeliness.recent_events",
                            timeliness.recentEvents(),
                            limits.minRecentEvents(),
                            Variables.MIN_RECENT_EVENTS,
                            "timeliness.recent_events: "
                                    + timeliness.recentEvents()
                                    + " events in the "
                                    + timeliness.recentDays()
                                    + " days before "
                                    + report.asOf()
                                    + ", fewer than the minimum "
                                    + limits.minRecentEvents()
                                    + " ("
                                    + Variables.MIN_RECENT_EVENTS
                                    + ")"));
        }
        double ageDays = timeliness.newestEventAgeHours() / 24;
        if (limits.maxEventAgeDays() > 0 && ageDays > limits.maxEventAgeDays()) {
            out.add(
                    new QualityViolation(
                            "timeliness.newest_event_age",
                            ageDays,
                            limits.maxEventAgeDays(),
                            Variables.MAX_EVENT_AGE_DAYS,
                            String.format(
                                    Locale.ROOT,
                                    "timeliness.newest_event_age: the newest event (%s) is %.1f"
                                            + " days old at %s, older than the limit of %s days"
                                            + " (%s)",
                                    timeliness.newestEvent(),
                                    ageDays,
                                    report.asOf(),
                                    limits.maxEventAgeDays(),
                                    Variables.MAX_EVENT_AGE_DAYS)));
        }
    }

    private static void checkShare(
            RuleFinding finding, double limit, String variable, List<QualityViolation> out) {
        if (finding.measured() && finding.share() > limit) {
            out.add(
                    shareViolation(
                            finding.rule(),
                            finding.share(),
                            limit,
                            variable,
                            "of "
                                    + finding.unit()
                                    + ": "
                                    + finding.measure()
                                    + " ("
                                    + finding.rows()
                                    + " of "
                                    + finding.outOf()
                                    + ")"));
        }
    }

    private static QualityViolation shareViolation(
            String rule, double figure, double limit, String variable, String what) {
        String message =
                String.format(
                        Locale.ROOT,
                        "%s: %s %s; the limit is %s (%s)",
                        rule,
                        percent(figure),
                        what,
                        percent(limit),
                        variable);
        return new QualityViolation(rule, figure, limit, variable, message);
    }

    /** E.g. {@code 24.93%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
