package io.solstice.evaluation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The result of evaluating one method: its scores per cutoff and mode, their means, and where its
 * ranked lists were written.
 *
 * @param method the recommender's name
 * @param settings the protocol it was evaluated under
 * @param scores one entry per cutoff and mode, cutoffs in settings order, all mode first
 * @param rankedLists the gzip CSV file of every scored list ({@code cutoff,mode,user,rank,item})
 * @param elapsed wall time of fitting and ranking at every cutoff
 */
public record EvaluationReport(
        String method,
        EvaluationSettings settings,
        List<CutoffScore> scores,
        Path rankedLists,
        Duration elapsed) {

    public EvaluationReport {
        scores = List.copyOf(scores);
    }

    /** The per-cutoff scores of one mode, in cutoff order. */
    public List<CutoffScore> scores(EvaluationMode mode) {
        return scores.stream().filter(s -> s.mode() == mode).toList();
    }

    /**
     * The mean over cutoffs of each metric at {@code k} in {@code mode}. Cutoffs without test users
     * are left out; every value is {@code NaN} when none has any.
     */
    public MetricsAtK mean(EvaluationMode mode, int k) {
        List<MetricsAtK> atK =
                scores(mode).stream().filter(s -> s.users() > 0).map(s -> s.at(k)).toList();
        return new MetricsAtK(
                k,
                mean(atK, MetricsAtK::precision),
                mean(atK, MetricsAtK::recall),
                mean(atK, MetricsAtK::f1),
                mean(atK, MetricsAtK::ndcg),
                mean(atK, MetricsAtK::map),
                mean(atK, MetricsAtK::hitRate),
                mean(atK, MetricsAtK::coverage),
                mean(atK, MetricsAtK::alreadyPurchasedRate),
                mean(atK, MetricsAtK::outOfSeasonRate));
    }

    private static double mean(List<MetricsAtK> values, ToDoubleFunction<MetricsAtK> metric) {
        return values.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    /** The per-cutoff tables of every mode and K, as printed by {@link ReportTable}. */
    public String table() {
        return ReportTable.perCutoff(this);
    }
}
