package io.solstice.evaluation;

import io.solstice.evaluation.MetricsAtK.Metric;
import java.util.List;
import java.util.Locale;

/** Plain-text tables of evaluation results, one line per cutoff or per method. */
public final class ReportTable {

    private static final String NL = System.lineSeparator();

    private ReportTable() {}

    /** For each mode and K: one line per cutoff, then the mean. */
    public static String perCutoff(EvaluationReport report) {
        StringBuilder text = new StringBuilder();
        for (EvaluationMode mode : EvaluationMode.values()) {
            for (int k : report.settings().ks()) {
                text.append(report.method())
                        .append(", mode ")
                        .append(mode.label())
                        .append(", K=")
                        .append(k)
                        .append(NL);
                appendCutoffLines(text, report, mode, k);
                text.append(NL);
            }
        }
        return text.toString();
    }

    private static void appendCutoffLines(
            StringBuilder text, EvaluationReport report, EvaluationMode mode, int k) {
        text.append(String.format(Locale.ROOT, "%-12s %6s %6s", "cutoff", "users", "cands"))
                .append(headings(k))
                .append(NL);
        for (CutoffScore score : report.scores(mode)) {
            text.append(
                            String.format(
                                    Locale.ROOT,
                                    "%-12s %6d %6d",
                                    score.cutoff(),
                                    score.users(),
                                    score.candidates()))
                    .append(values(score.at(k)))
                    .append(NL);
        }
        text.append(String.format(Locale.ROOT, "%-12s %6s %6s", "mean", "", ""))
                .append(values(report.mean(mode, k)))
                .append(NL);
    }

    /** For each mode and K: one line per method with its mean over cutoffs. */
    public static String comparison(List<EvaluationReport> reports) {
        if (reports.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        int width = reports.stream().mapToInt(r -> r.method().length()).max().orElse(6);
        for (EvaluationMode mode : EvaluationMode.values()) {
            for (int k : reports.get(0).settings().ks()) {
                text.append("Mean over cutoffs, mode ")
                        .append(mode.label())
                        .append(", K=")
                        .append(k)
                        .append(NL);
                text.append(pad("method", width)).append(headings(k)).append(NL);
                for (EvaluationReport report : reports) {
                    text.append(pad(report.method(), width))
                            .append(values(report.mean(mode, k)))
                            .append(NL);
                }
                text.append(NL);
            }
        }
        return text.toString();
    }

    private static String headings(int k) {
        StringBuilder text = new StringBuilder();
        for (Metric metric : Metric.values()) {
            boolean atK = metric.ordinal() <= Metric.HIT_RATE.ordinal();
            String heading = metric.heading() + (atK ? "@" + k : "");
            text.append(String.format(Locale.ROOT, " %8s", heading));
        }
        return text.toString();
    }

    private static String values(MetricsAtK metrics) {
        StringBuilder text = new StringBuilder();
        for (Metric metric : Metric.values()) {
            text.append(String.format(Locale.ROOT, " %8.4f", metrics.get(metric)));
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", text);
    }
}
