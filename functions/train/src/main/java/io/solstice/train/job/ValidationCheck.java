package io.solstice.train.job;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.evaluation.EvaluateBaselines;
import io.solstice.evaluation.Evaluation;
import io.solstice.evaluation.EvaluationMode;
import io.solstice.evaluation.EvaluationReport;
import io.solstice.evaluation.EvaluationSettings;
import io.solstice.evaluation.MetricsAtK;
import io.solstice.evaluation.Recommender;
import io.solstice.history.PurchaseLog;
import io.solstice.train.evaluation.SeasonalModelRecommender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a freshly trained network on the latest validation window beside the five baselines and,
 * when there is one, the model now being served, with the protocol of the evaluation. The figures
 * go into the model's manifest and decide its promotion ({@link PromotionGate}).
 */
final class ValidationCheck {

    static final int K = 20;

    static final String CANDIDATE = "model";
    static final String SERVING = "serving";

    private ValidationCheck() {}

    /**
     * NDCG@20 and more per mode and method, keyed like {@code validation.all.ndcg@20.model}.
     *
     * @param history purchases before the training cutoff
     * @param validationDate start of the validation window, which ends at the cutoff
     * @param candidate networks that never saw the window's purchases
     * @param serving networks of the served model, when it can read today's features
     */
    static Results run(
            PurchaseLog history,
            LocalDate validationDate,
            int windowDays,
            SeasonalModelRecommender.Networks candidate,
            Optional<SeasonalModelRecommender.Networks> serving,
            Map<String, String> descriptions,
            SeasonCalendar calendar) {
        List<String> methods = new ArrayList<>();
        List<Recommender> recommenders = new ArrayList<>();
        methods.add(CANDIDATE);
        recommenders.add(SeasonalModelRecommender.withWeights(calendar, descriptions, candidate));
        if (serving.isPresent()) {
            methods.add(SERVING);
            recommenders.add(
                    SeasonalModelRecommender.withWeights(calendar, descriptions, serving.get()));
        }
        for (Recommender baseline : EvaluateBaselines.baselines()) {
            methods.add(baseline.name());
            recommenders.add(baseline);
        }

        try {
            EvaluationSettings settings =
                    EvaluationSettings.publicProtocol(
                                    Files.createTempDirectory("solstice-validation"))
                            .withCutoffs(List.of(validationDate))
                            .withWindowDays(windowDays)
                            .withKs(List.of(K));
            return new Results(
                    methods, new Evaluation(history, settings).evaluateAll(recommenders));
        } catch (IOException e) {
            throw new UncheckedIOException("validation check could not write its ranked lists", e);
        }
    }

    /** The reports of one validation run, by method name. */
    record Results(List<String> methods, List<EvaluationReport> reports)
            implements PromotionGate.Figures {

        @Override
        public Optional<Double> ndcg(String method, EvaluationMode mode) {
            int index = methods.indexOf(method);
            return index < 0
                    ? Optional.empty()
                    : Optional.of(reports.get(index).mean(mode, K).ndcg());
        }

        @Override
        public Map.Entry<String, Double> bestBaseline(EvaluationMode mode) {
            Map.Entry<String, Double> best = null;
            for (String method : methods) {
                if (method.equals(CANDIDATE) || method.equals(SERVING)) {
                    continue;
                }
                double ndcg = ndcg(method, mode).orElseThrow();
                if (best == null || ndcg > best.getValue()) {
                    best = Map.entry(method, ndcg);
                }
            }
            return best;
        }

        /** NDCG@20, precision@20 and hit rate@20 of every method and mode, for the manifest. */
        Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int r = 0; r < reports.size(); r++) {
                for (EvaluationMode mode : EvaluationMode.values()) {
                    MetricsAtK mean = reports.get(r).mean(mode, K);
                    String prefix = "validation." + mode.name().toLowerCase(Locale.ROOT) + ".";
                    String method = methods.get(r);
                    metrics.put(prefix + "ndcg@20." + method, mean.ndcg());
                    metrics.put(prefix + "precision@20." + method, mean.precision());
                    metrics.put(prefix + "hit_rate@20." + method, mean.hitRate());
                }
            }
            return metrics;
        }
    }
}
