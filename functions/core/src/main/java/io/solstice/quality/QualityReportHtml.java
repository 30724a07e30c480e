package io.solstice.quality;

import io.solstice.quality.DataQualityReport.CleaningStep;
import io.solstice.quality.DataQualityReport.DayVolume;
import io.solstice.quality.DataQualityReport.LowDay;
import io.solstice.quality.DataQualityReport.Timeliness;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page ({@code quality-report.html}): inline style, no
 * scripts, nothing fetched, so it opens from S3 or from disk alike.
 */
public final class QualityReportHtml {

    /** The file name the train job publishes. */
    public static final String FILE_NAME = "quality-report.html";

    private static final int CHART_HEIGHT = 80;
    private static final int WORST_DAYS = 5;

    private static final String STYLE =
            "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}"
                    + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
                    + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;"
                    + "vertical-align:top}"
                    + "th{background:#f3f3f3}td.n{text-align:right}"
                    + ".pass{background:#e6f4e6;padding:.6em}.fail{background:#fde8e8;padding:.6em}"
                    + "code{font-size:12px}.muted{color:#777}";

    private QualityReportHtml() {}

    /** The page, UTF-8. */
    public static byte[] render(DataQualityReport report, List<QualityViolation> violations) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Solstice data quality report</title><style>")
                .append(STYLE)
                .append("</style></head><body>");

        overview(html, report);
        gate(html, violations);
        notes(html, report.notes());
        findings(html, "Completeness", report.completeness().all());
        findings(html, "Accuracy", report.accuracy().all());
        findings(html, "Consistency", report.consistency().all());
        timeliness(html, report);
        cleaning(html, report.cleaning());

        html.append("</body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void overview(StringBuilder html, DataQualityReport report) {
        html.append("<h1>Data quality report</h1><table>");
        row(html, "Generated", report.generatedAt());
        row(html, "As of", report.asOf());
        row(html, "Events read", report.events());
        row(html, "Catalogue entries", report.catalogItems());
        row(
                html,
                "Clean purchases",
                report.cleanPurchases()
                        + " ("
                        + QualityGate.percent(1 - report.droppedShare())
                        + " of events kept)");
        html.append("</table>");
    }

    private static void gate(StringBuilder html, List<QualityViolation> violations) {
        if (violations.isEmpty()) {
            html.append("<p class=\"pass\">Quality gate: <b>passed</b>.</p>");
            return;
        }
        html.append("<div class=\"fail\"><p>Quality gate: <b>refused</b>. The run did not train")
                .append(" and the model being served was left unchanged.</p><ul>");
        for (QualityViolation violation : violations) {
            html.append("<li>").append(escape(violation.message())).append("</li>");
        }
        html.append("</ul></div>");
    }

    private static void notes(StringBuilder html, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<h2>What this report could not measure</h2><ul>");
        notes.forEach(note -> html.append("<li>").append(escape(note)).append("</li>"));
        html.append("</ul>");
    }

    private static void findings(StringBuilder html, String title, List<RuleFinding> findings) {
        html.append("<h2>")
                .append(title)
                .append("</h2><table><tr><th>Rule</th>")
                .append("<th>Counts</th><th>Rows</th><th>Share</th>")
                .append("<th>What cleaning did</th><th>Examples</th></tr>");
        for (RuleFinding finding : findings) {
            finding(html, finding);
        }
        html.append("</table>");
    }

    private static void finding(StringBuilder html, RuleFinding f) {
        html.append("<tr><td><code>")
                .append(escape(f.rule()))
                .append("</code></td><td>")
                .append(escape(f.measure()));
        if (f.note() != null) {
            html.append("<br><span class=\"muted\">").append(escape(f.note())).append("</span>");
        }
        html.append("</td>");
        if (!f.measured()) {
            html.append("<td colspan=\"4\" class=\"muted\">not measured</td></tr>");
            return;
        }
        html.append("<td class=\"n\">")
                .append(f.rows())
                .append(' ')
                .append(f.unit())
                .append("</td><td class=\"n\">")
                .append(QualityGate.percent(f.share()))
                .append("</td><td>")
                .append(escape(outcome(f.outcome())))
                .append("</td><td><code>")
                .append(escape(String.join(" ", f.examples())))
                .append("</code></td></tr>");
    }

    private static String outcome(RuleFinding.Outcome outcome) {
        if (outcome == null) {
            return "catalogue entries are not cleaned";
        }
        String text =
                "kept "
                        + outcome.kept()
                        + ", fixed "
                        + outcome.fixed()
                        + ", dropped "
                        + outcome.dropped();
        if (outcome.droppedBy().isEmpty()) {
            return text;
        }
        return text
                + " ("
                + outcome.droppedBy().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static void timeliness(StringBuilder html, DataQualityReport report) {
        Timeliness t = report.timeliness();
        html.append("<h2>Timeliness</h2><table>");
        row(html, "Oldest event", t.oldestEvent());
        row(html, "Newest event", t.newestEvent());
        row(
                html,
                "Age of the newest event at the as-of time",
                String.format(Locale.ROOT, "%.1f days", t.newestEventAgeHours() / 24));
        row(html, "Events in the last " + t.recentDays() + " days", t.recentEvents());
        row(html, "Ingestion lag (stored time minus event time)", lag(t.ingestionLag()));
        row(html, "Weekdays without events", dates(t.emptyWeekdays()));
        row(html, "Weekend days without events", dates(t.emptyWeekendDays()));
        row(html, "Low-day rule", t.lowDayRule());
        html.append("</table>");

        lowDays(html, t.lowDays());
        chart(html, report.days());
        worstZeroPriceDays(html, report.days());
    }

    private static String lag(DataQualityReport.IngestionLag lag) {
        if (!lag.measured()) {
            return lag.note();
        }
        return String.format(
                Locale.ROOT,
                "median %.2f h, 95th percentile %.2f h, max %.2f h over %d events;"
                        + " %d stored before they happened",
                lag.medianHours(),
                lag.p95Hours(),
                lag.maxHours(),
                lag.events(),
                lag.storedBeforeOccurred());
    }

    private static void lowDays(StringBuilder html, List<LowDay> lowDays) {
        html.append("<h3>Days with unusually few events (").append(lowDays.size()).append(")</h3>");
        if (lowDays.isEmpty()) {
            return;
        }
        html.append("<table><tr><th>Date</th><th>Events</th><th>Trailing median</th></tr>");
        for (LowDay day : lowDays) {
            html.append("<tr><td>")
                    .append(day.date())
                    .append("</td><td class=\"n\">")
                    .append(day.events())
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f", day.trailingMedian()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    /** Events per day as grey bars, zero-price purchase lines in red. */
    private static void chart(StringBuilder html, List<DayVolume> days) {
        long max = days.stream().mapToLong(DayVolume::events).max().orElse(0);
        if (max == 0) {
            return;
        }
        int width = Math.max(days.size() * 2, 100);
        html.append("<h3>Events per day</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(CHART_HEIGHT)
                .append("\" role=\"img\" aria-label=\"events per day\">");
        for (int i = 0; i < days.size(); i++) {
            DayVolume day = days.get(i);
            bar(html, i, day.events(), max, "#999", day.date() + ": " + day.events() + " events");
            bar(html, i, day.zeroPriceLines(), max, "#d33", null);
        }
        html.append("</svg><p class=\"muted\">")
                .append(days.get(0).date())
                .append(" to ")
                .append(days.get(days.size() - 1).date())
                .append("; red: purchase lines priced zero or below.</p>");
    }

    private static void bar(
            StringBuilder html, int index, long value, long max, String colour, String title) {
        if (value == 0) {
            return;
        }
        long height = Math.max(1, Math.round((double) value * CHART_HEIGHT / max));
        html.append("<rect x=\"")
                .append(index * 2)
                .append("\" y=\"")
                .append(CHART_HEIGHT - height)
                .append("\" width=\"2\" height=\"")
                .append(height)
                .append("\" fill=\"")
                .append(colour)
                .append("\">");
        if (title != null) {
            html.append("<title>").append(escape(title)).append("</title>");
        }
        html.append("</rect>");
    }

    private static void worstZeroPriceDays(StringBuilder html, List<DayVolume> days) {
        List<DayVolume> worst =
                days.stream()
                        .filter(day -> day.zeroPriceLines() > 0)
                        .sorted(Comparator.comparingDouble(DayVolume::zeroPriceShare).reversed())
                        .limit(WORST_DAYS)
                        .toList();
        if (worst.isEmpty()) {
            return;
        }
        html.append("<h3>Days with the highest share of zero-price purchase lines</h3>")
                .append("<table><tr><th>Date</th><th>Zero-price lines</th>")
                .append("<th>Purchase lines</th><th>Share</th></tr>");
        for (DayVolume day : worst) {
            html.append("<tr><td>")
                    .append(day.date())
                    .append("</td><td class=\"n\">")
                    .append(day.zeroPriceLines())
                    .append("</td><td class=\"n\">")
                    .append(day.purchaseLines())
                    .append("</td><td class=\"n\">")
                    .append(QualityGate.percent(day.zeroPriceShare()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void cleaning(StringBuilder html, List<CleaningStep> steps) {
        html.append("<h2>Cleaning rules</h2><p>Applied in this order; the first rule that drops")
                .append(" an event decides. Training and evaluation use the same rules.</p>")
                .append("<table><tr><th>Rule</th><th>Action</th><th>Rows</th>")
                .append("<th>Examples</th></tr>");
        for (CleaningStep step : steps) {
            html.append("<tr><td><code>")
                    .append(escape(step.rule()))
                    .append("</code></td><td>")
                    .append(escape(step.action()))
                    .append("</td><td class=\"n\">")
                    .append(step.rows())
                    .append("</td><td><code>")
                    .append(escape(String.join(" ", step.examples())))
                    .append("</code></td></tr>");
        }
        html.append("</table>");
    }

    private static String dates(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return "none";
        }
        return dates.size()
                + ": "
                + dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder html, String name, Object value) {
        html.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(String.valueOf(value)))
                .append("</td></tr>");
    }

    /** HTML-escapes text for element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
