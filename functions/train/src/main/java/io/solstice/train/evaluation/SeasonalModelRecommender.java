package io.solstice.train.evaluation;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistories;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import io.solstice.score.ModelScorer;
import io.solstice.score.RankedItem;
import io.solstice.score.SeasonalRanker;
import io.solstice.train.model.ModelTraining;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Solstice's seasonal ranking model under the evaluation protocol. {@link #retrainedPerCutoff}
 * trains a fresh network on the purchases before each cutoff only; {@link #withWeights} scores a
 * network trained once (the train job's check on its validation window). Both rank with the same
 * {@link SeasonalRanker} the rank function uses.
 */
public final class SeasonalModelRecommender implements Recommender {

    /**
     * The networks a cutoff is ranked with; {@code discovery} and {@code newcomer} may be {@code
     * null} (then {@code all} answers their questions too).
     */
    public record Networks(
            RankingModelWeights all, RankingModelWeights discovery, RankingModelWeights newcomer) {}

    /** Where the weights for a cutoff come from. */
    private interface WeightsSource {
        Networks weightsFor(PurchaseLog history, LocalDate cutoff);
    }

    private final SeasonCalendar calendar;
    private final Map<String, String> descriptions;
    private final WeightsSource weightsSource;

    private SeasonalModelRecommender(
            SeasonCalendar calendar,
            Map<String, String> descriptions,
            WeightsSource weightsSource) {
        this.calendar = calendar;
        this.descriptions = descriptions;
        this.weightsSource = weightsSource;
    }

    /** Trains a network for every cutoff on the purchases before it. */
    public static SeasonalModelRecommender retrainedPerCutoff(
            SeasonCalendar calendar,
            Map<String, String> descriptions,
            RankingHyperparameters hyperparameters,
            TrainingSchedule schedule) {
        ModelTraining training = new ModelTraining(calendar, hyperparameters, schedule);
        return new SeasonalModelRecommender(
                calendar,
                descriptions,
                (history, cutoff) -> {
                    try (ModelTraining.Outcome outcome =
                            training.train(history, cutoff, descriptions)) {
                        return new Networks(
                                outcome.all().network().weights(),
                                outcome.discovery().network().weights(),
                                outcome.newcomer().network().weights());
                    }
                });
    }

    /** Uses the given weights at every cutoff; item signals still come from each cutoff's past. */
    public static SeasonalModelRecommender withWeights(
            SeasonCalendar calendar, Map<String, String> descriptions, Networks networks) {
        return new SeasonalModelRecommender(calendar, descriptions, (history, cutoff) -> networks);
    }

    @Override
    public String name() {
        return "solstice-seasonal";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        Networks networks = weightsSource.weightsFor(history, cutoff);
        CandidateFeatures features =
                new CandidateFeatures(ItemSignals.of(history, descriptions, calendar), calendar);
        SeasonalRanker ranker =
                new SeasonalRanker(
                        new ModelScorer(networks.all()),
                        scorerOrNull(networks.discovery()),
                        scorerOrNull(networks.newcomer()),
                        features);
        return new Ranker(history, cutoff, ranker);
    }

    private static ModelScorer scorerOrNull(RankingModelWeights weights) {
        return weights == null ? null : new ModelScorer(weights);
    }

    private static final class Ranker implements CutoffRanker {

        private final PurchaseLog history;
        private final int cutoffDay;
        private final LocalDate cutoff;
        private final SeasonalRanker ranker;
        private final ShopperHistories shoppers;
        private final Map<String, CandidateFeatures.Context> contexts = new ConcurrentHashMap<>();

        Ranker(PurchaseLog history, LocalDate cutoff, SeasonalRanker ranker) {
            this.history = history;
            this.cutoff = cutoff;
            this.cutoffDay = (int) cutoff.toEpochDay();
            this.ranker = ranker;
            this.shoppers = ShopperHistories.of(history);
        }

        @Override
        public int[] rank(
                int user, String country, int k, java.util.function.IntPredicate excluded) {
            CandidateFeatures.Context context =
                    contexts.computeIfAbsent(
                            country == null ? "" : country,
                            c ->
                                    ranker.features()
                                            .context(
                                                    cutoff,
                                                    ranker.features().calendar().country(c)));
            List<RankedItem> ranked =
                    ranker.rank(
                            history.users().nameOf(user),
                            shoppers.asOf(user, cutoffDay),
                            context,
                            k,
                            excluded);
            return ranked.stream().mapToInt(RankedItem::item).toArray();
        }
    }
}
