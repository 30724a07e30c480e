package io.solstice.train.evaluation;

import io.solstice.evaluation.CutoffScore;
import io.solstice.evaluation.EvaluationMode;
import io.solstice.evaluation.EvaluationReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * NDCG at one K for every method (rows) and cutoff (columns) of one mode, with the mean: the table
 * that shows at a glance where the model stands against each baseline at each date.
 */
final class NdcgByCutoff {

    private NdcgByCutoff() {}

    static String table(List<EvaluationReport> reports, EvaluationMode mode, int k) {
        List<LocalDate> cutoffs = reports.get(0).settings().cutoffs();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "NDCG@%d by cutoff, mode %s%n", k, mode.label()));
        text.append(String.format(Locale.ROOT, "%-24s", "method"));
        for (LocalDate cutoff : cutoffs) {
            text.append(String.format(Locale.ROOT, "%12s", cutoff));
        }
        text.append(String.format(Locale.ROOT, "%10s%n", "mean"));

        for (EvaluationReport report : reports) {
            text.append(String.format(Locale.ROOT, "%-24s", report.method()));
            for (CutoffScore score : report.scores(mode)) {
                text.append(String.format(Locale.ROOT, "%12.4f", score.at(k).ndcg()));
            }
            text.append(String.format(Locale.ROOT, "%10.4f%n", report.mean(mode, k).ndcg()));
        }
        return text.toString();
    }
}
