package io.solstice.train.evaluation;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistories;
import io.solstice.feature.TrainingExampleBuilder;
import io.solstice.feature.TrainingExamples;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import io.solstice.score.ModelScorer;
import io.solstice.score.RankedItem;
import io.solstice.score.SeasonalRanker;
import io.solstice.train.model.TensorFlowRankTrainer;
import io.solstice.train.model.TrainedRankingNetwork;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Solstice's seasonal ranking model under the evaluation protocol: for each cutoff it trains a
 * fresh network on the purchases before the cutoff only, then ranks with the same {@link
 * SeasonalRanker} the rank function uses.
 */
public final class SeasonalModelRecommender implements Recommender {

    private static final Logger LOG = Logger.getLogger(SeasonalModelRecommender.class);

    private final SeasonCalendar calendar;
    private final Map<String, String> descriptions;
    private final RankingHyperparameters hyperparameters;
    private final TrainingSchedule schedule;

    public SeasonalModelRecommender(
            SeasonCalendar calendar,
            Map<String, String> descriptions,
            RankingHyperparameters hyperparameters,
            TrainingSchedule schedule) {
        this.calendar = calendar;
        this.descriptions = descriptions;
        this.hyperparameters = hyperparameters;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "solstice-seasonal";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        RankingModelWeights weights = train(history, cutoff);
        CandidateFeatures features =
                new CandidateFeatures(ItemSignals.of(history, descriptions, calendar), calendar);
        SeasonalRanker ranker = new SeasonalRanker(new ModelScorer(weights), features);
        return new Ranker(history, cutoff, ranker);
    }

    /** Trains a network on as-of dates before {@code cutoff}; validation labels end before it. */
    public RankingModelWeights train(PurchaseLog history, LocalDate cutoff) {
        long started = System.nanoTime();
        TrainingExampleBuilder builder =
                new TrainingExampleBuilder(
                        calendar, descriptions, TrainingExampleBuilder.Settings.defaults());
        List<LocalDate> trainingDates =
                schedule.trainingDates(LocalDate.ofEpochDay(history.firstDay()), cutoff);
        TrainingExamples training = builder.build(history, trainingDates, schedule.labelDays());
        TrainingExamples validation =
                builder.build(
                        history, List.of(schedule.validationDate(cutoff)), schedule.labelDays());
        LOG.infof(
                "training cutoff=%s dates=%d groups=%d validation_groups=%d feature_seconds=%.1f",
                cutoff,
                trainingDates.size(),
                training.groupCount(),
                validation.groupCount(),
                (System.nanoTime() - started) / 1e9);

        try (TrainedRankingNetwork network =
                new TensorFlowRankTrainer(hyperparameters).train(training, validation)) {
            return network.weights();
        }
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
