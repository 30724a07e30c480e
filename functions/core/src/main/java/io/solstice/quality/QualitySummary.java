package io.solstice.quality;

import io.solstice.quality.DataQualityReport.CleaningStep;
import io.solstice.quality.DataQualityReport.Timeliness;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The short report the train job prints: about a dozen lines, the full one is in JSON and HTML. */
public final class QualitySummary {

    private static final int LISTED_DATES = 4;

    private QualitySummary() {}

    /**
     * The lines of the short report.
     *
     * @param thresholds the limits the gate used (for the zero-price day line)
     * @param violations the gate's violations, empty when it passed
     */
    public static List<String> lines(
            DataQualityReport report,
            QualityThresholds thresholds,
            List<QualityViolation> violations) {
        List<String> lines = new ArrayList<>();
        lines.add(header(report));
        lines.add(completeness(report.completeness()));
        lines.add(accuracy(report.accuracy()));
        lines.add(cancellations(report.consistency()));
        lines.add(consistency(report.consistency()));
        lines.add(freshness(report.timeliness()));
        lines.add(gaps(report.timeliness()));
        lines.add(zeroPrice(report, thresholds));
        lines.add(cleaning(report));
        lines.add(gate(violations));
        violations.forEach(v -> lines.add("    " + v.message()));
        return lines;
    }

    private static String header(DataQualityReport report) {
        return "Data quality: events="
                + report.events()
                + " catalogue_items="
                + report.catalogItems()
                + " clean_purchases="
                + report.cleanPurchases()
                + " as_of="
                + report.asOf();
    }

    private static String completeness(DataQualityReport.Completeness c) {
        return "  completeness: missing user "
                + figure(c.missingUser())
                + ", item "
                + figure(c.missingItem())
                + ", price "
                + figure(c.missingPrice())
                + ", country "
                + figure(c.missingCountry())
                + "; items without description "
                + figure(c.itemsWithoutDescription());
    }

    private static String accuracy(DataQualityReport.Accuracy a) {
        return "  accuracy: quantity<=0 "
                + a.nonPositiveQuantity().rows()
                + ", price<=0 "
                + a.nonPositivePrice().rows()
                + ", quantity outliers "
                + a.quantityOutliers().rows()
                + ", price outliers "
                + a.priceOutliers().rows()
                + ", non-product codes "
                + a.nonProductCodes().rows()
                + ", future "
                + a.futureTimestamps().rows()
                + ", before opening "
                + a.beforeShopOpened().rows();
    }

    private static String cancellations(DataQualityReport.Consistency c) {
        return "  cancellations: "
                + c.cancellations().rows()
                + " (with an earlier purchase "
                + c.cancellationsWithPurchase().rows()
                + ", without "
                + c.cancellationsWithoutPurchase().rows()
                + ")";
    }

    private static String consistency(DataQualityReport.Consistency c) {
        return "  consistency: unknown items "
                + c.unknownItems().rows()
                + ", items with conflicting descriptions "
                + (c.conflictingDescriptions().measured()
                        ? Long.toString(c.conflictingDescriptions().rows())
                        : "n/a")
                + ", duplicate event ids "
                + c.duplicateEventIds().rows()
                + ", duplicate lines "
                + c.duplicateLines().rows();
    }

    private static String freshness(Timeliness t) {
        String lag =
                t.ingestionLag().measured()
                        ? String.format(
                                Locale.ROOT,
                                "median %.1f h, p95 %.1f h",
                                t.ingestionLag().medianHours(),
                                t.ingestionLag().p95Hours())
                        : "n/a";
        return String.format(
                Locale.ROOT,
                "  timeliness: newest event %s (%.1f days before as-of), %d events in the last %d"
                        + " days; ingestion lag %s",
                t.newestEvent(),
                t.newestEventAgeHours() / 24,
                t.recentEvents(),
                t.recentDays(),
                lag);
    }

    private static String gaps(Timeliness t) {
        return "  gaps: empty weekdays "
                + dates(t.emptyWeekdays())
                + "; empty weekend days "
                + t.emptyWeekendDays().size()
                + "; low days "
                + dates(t.lowDays().stream().map(DataQualityReport.LowDay::date).toList());
    }

    private static String zeroPrice(DataQualityReport report, QualityThresholds thresholds) {
        return QualityGate.worstZeroPriceDay(report, thresholds.zeroPriceMinDayLines())
                .map(
                        day ->
                                "  zero-price lines: worst day "
                                        + day.date()
                                        + " "
                                        + QualityGate.percent(day.zeroPriceShare())
                                        + " ("
                                        + day.zeroPriceLines()
                                        + " of "
                                        + day.purchaseLines()
                                        + ")")
                .orElse("  zero-price lines: none on days with enough purchase lines");
    }

    private static String cleaning(DataQualityReport report) {
        String steps =
                report.cleaning().stream()
                        .filter(step -> step.rows() > 0)
                        .map(QualitySummary::step)
                        .collect(Collectors.joining(", "));
        return "  cleaning: " + (steps.isEmpty() ? "nothing dropped or fixed" : steps);
    }

    private static String step(CleaningStep step) {
        return step.rule() + " " + step.action() + " " + step.rows();
    }

    private static String gate(List<QualityViolation> violations) {
        return violations.isEmpty()
                ? "  gate: passed"
                : "  gate: REFUSED, " + violations.size() + " rule(s) broken:";
    }

    private static String figure(RuleFinding finding) {
        if (!finding.measured()) {
            return "n/a";
        }
        return finding.rows() + " (" + QualityGate.percent(finding.share()) + ")";
    }

    private static String dates(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return "0";
        }
        String listed =
                dates.stream()
                        .limit(LISTED_DATES)
                        .map(LocalDate::toString)
                        .collect(Collectors.joining(", "));
        return dates.size() + " (" + listed + (dates.size() > LISTED_DATES ? ", ..." : "") + ")";
    }
}
