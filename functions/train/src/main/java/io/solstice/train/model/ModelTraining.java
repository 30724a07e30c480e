package io.solstice.train.model;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.TrainingExampleBuilder;
import io.solstice.feature.TrainingExampleBuilder.Question;
import io.solstice.feature.TrainingExamples;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Trains the ranking network for one cutoff, in two stages. Selection: a network learns from the
 * {@link TrainingSchedule}'s dates whose labels end before the last label window, and early
 * stopping on that window picks the number of epochs; this network is the one the promotion gate
 * measures, since the window is new to it. Refit: a fresh network learns for that many epochs from
 * the dates whose labels reach the cutoff, so the model that ships has seen the latest weeks. Used
 * by the train job and by the evaluation alike.
 */
public final class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);

    private final SeasonCalendar calendar;
    private final RankingHyperparameters hyperparameters;
    private final TrainingSchedule schedule;

    public ModelTraining(
            SeasonCalendar calendar,
            RankingHyperparameters hyperparameters,
            TrainingSchedule schedule) {
        this.calendar = calendar;
        this.hyperparameters = hyperparameters;
        this.schedule = schedule;
    }

    public RankingHyperparameters hyperparameters() {
        return hyperparameters;
    }

    /**
     * One trained network and how it was obtained.
     *
     * @param network the refit network, the one to publish
     * @param selected weights of the selection-stage network, which never saw the validation window
     * @param epochs epochs chosen by early stopping and used by the refit
     * @param validationLosses the selection stage's validation loss per epoch
     * @param trainingGroups groups the refit learned from
     * @param validationGroups groups of the validation window
     */
    public record Head(
            TrainedRankingNetwork network,
            RankingModelWeights selected,
            int epochs,
            List<Float> validationLosses,
            int trainingGroups,
            int validationGroups) {}

    /**
     * The three networks of a cutoff, one per {@link Question}; close it to free their TensorFlow
     * sessions.
     *
     * @param all ranks every item for a returning shopper, re-orders included
     * @param discovery ranks items the shopper never bought (used when the caller has removed the
     *     shopper's past items, see {@link io.solstice.score.SeasonalRanker})
     * @param newcomer ranks for a shopper without a past (a guest, a user never seen)
     * @param trainingDates as-of dates of the refits
     * @param validationDate start of the held-out window, which ends at the cutoff
     */
    public record Outcome(
            Head all,
            Head discovery,
            Head newcomer,
            List<LocalDate> trainingDates,
            LocalDate validationDate)
            implements AutoCloseable {

        @Override
        public void close() {
            for (Head head : List.of(all, discovery, newcomer)) {
                head.network().close();
            }
        }
    }

    /**
     * Trains the three networks on purchases strictly before {@code cutoff} only.
     *
     * @param descriptions item id to description, for the holiday keyword features
     */
    public Outcome train(PurchaseLog history, LocalDate cutoff, Map<String, String> descriptions) {
        TrainingExampleBuilder.Settings settings =
                new TrainingExampleBuilder.Settings(
                        16, 40, hyperparameters.seed(), Question.EVERY_ITEM);
        List<Head> heads = new ArrayList<>();
        try {
            for (Question question : Question.values()) {
                heads.add(trainHead(history, cutoff, descriptions, settings.asking(question)));
            }
        } catch (RuntimeException e) {
            heads.forEach(head -> head.network().close());
            throw e;
        }
        return new Outcome(
                heads.get(Question.EVERY_ITEM.ordinal()),
                heads.get(Question.NEW_ITEMS.ordinal()),
                heads.get(Question.FIRST_PURCHASE.ordinal()),
                schedule.trainingDates(LocalDate.ofEpochDay(history.firstDay()), cutoff),
                schedule.validationDate(cutoff));
    }

    private Head trainHead(
            PurchaseLog history,
            LocalDate cutoff,
            Map<String, String> descriptions,
            TrainingExampleBuilder.Settings settings) {
        TrainingExampleBuilder builder =
                new TrainingExampleBuilder(calendar, descriptions, settings);
        String head = settings.question().name().toLowerCase(java.util.Locale.ROOT);
        LocalDate firstDay = LocalDate.ofEpochDay(history.firstDay());
        LocalDate validationDate = schedule.validationDate(cutoff);
        TensorFlowRankTrainer trainer = new TensorFlowRankTrainer(hyperparameters);

        TrainingExamples validation =
                builder.build(history, List.of(validationDate), schedule.labelDays());
        TrainingExamples selection =
                examples(
                        builder,
                        history,
                        schedule.trainingDates(firstDay, validationDate),
                        head + "/selection");
        int epochs;
        RankingModelWeights selected;
        List<Float> losses;
        try (TrainedRankingNetwork network = trainer.train(selection, validation)) {
            epochs = Math.max(1, network.bestEpoch());
            selected = network.weights();
            losses = network.validationLosses();
        }

        TrainingExamples training =
                examples(
                        builder,
                        history,
                        schedule.trainingDates(firstDay, cutoff),
                        head + "/refit");
        return new Head(
                trainer.trainForEpochs(training, epochs),
                selected,
                epochs,
                losses,
                training.groupCount(),
                validation.groupCount());
    }

    private TrainingExamples examples(
            TrainingExampleBuilder builder,
            PurchaseLog history,
            List<LocalDate> dates,
            String stage) {
        long started = System.nanoTime();
        TrainingExamples examples = builder.build(history, dates, schedule.labelDays());
        LOG.infof(
                "examples stage=%s dates=%d first=%s last=%s groups=%d seconds=%.1f",
                stage,
                dates.size(),
                dates.isEmpty() ? "-" : dates.get(dates.size() - 1),
                dates.isEmpty() ? "-" : dates.get(0),
                examples.groupCount(),
                (System.nanoTime() - started) / 1e9);
        return examples;
    }
}
