package io.solstice.train.job;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.evaluation.Evaluation;
import io.solstice.evaluation.EvaluationMode;
import io.solstice.evaluation.EvaluationReport;
import io.solstice.evaluation.EvaluationSettings;
import io.solstice.evaluation.MetricsAtK;
import io.solstice.evaluation.Recommender;
import io.solstice.evaluation.baseline.BaselineSettings;
import io.solstice.evaluation.baseline.ItemKnn;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingModelWeights;
import io.solstice.train.evaluation.SeasonalModelRecommender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a freshly trained network on the latest validation window against the strongest simple
 * baseline (history, then item-kNN), with the protocol of the evaluation: the metrics that go into
 * the model's manifest.
 */
final class ValidationCheck {

    private static final int K = 20;

    private ValidationCheck() {}

    /**
     * NDCG@20 etc. per mode and method, keyed like {@code validation.all.ndcg@20.model}.
     *
     * @param history purchases before the training cutoff
     * @param validationDate start of the validation window, which ends at the cutoff
     */
    static Map<String, Double> run(
            PurchaseLog history,
            LocalDate validationDate,
            int windowDays,
            RankingModelWeights weights,
            Map<String, String> descriptions,
            SeasonCalendar calendar) {
        try {
            EvaluationSettings settings =
                    EvaluationSettings.publicProtocol(
                                    Files.createTempDirectory("solstice-validation"))
                            .withCutoffs(List.of(validationDate))
                            .withWindowDays(windowDays)
                            .withKs(List.of(K));
            Recommender model =
                    SeasonalModelRecommender.withWeights(calendar, descriptions, weights);
            Recommender baseline = ItemKnn.historyFirst(BaselineSettings.protocol());
            List<EvaluationReport> reports =
                    new Evaluation(history, settings).evaluateAll(List.of(model, baseline));
            return metrics(reports);
        } catch (IOException e) {
            throw new UncheckedIOException("validation check could not write its ranked lists", e);
        }
    }

    private static Map<String, Double> metrics(List<EvaluationReport> reports) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int r = 0; r < reports.size(); r++) {
            String method = r == 0 ? "model" : reports.get(r).method();
            for (EvaluationMode mode : EvaluationMode.values()) {
                MetricsAtK mean = reports.get(r).mean(mode, K);
                String prefix =
                        "validation." + mode.name().toLowerCase(java.util.Locale.ROOT) + ".";
                metrics.put(prefix + "ndcg@20." + method, mean.ndcg());
                metrics.put(prefix + "precision@20." + method, mean.precision());
                metrics.put(prefix + "hit_rate@20." + method, mean.hitRate());
            }
        }
        return metrics;
    }
}
