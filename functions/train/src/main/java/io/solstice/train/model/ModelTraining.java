package io.solstice.train.model;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.TrainingExampleBuilder;
import io.solstice.feature.TrainingExamples;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Trains the ranking network for one cutoff: draws training groups at the {@link
 * TrainingSchedule}'s as-of dates and validation groups from the last label window before the
 * cutoff, then runs the {@link TensorFlowRankTrainer}. Used by the train job and by the evaluation
 * alike.
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

    /** A trained network and how it was obtained; close it to free the TensorFlow session. */
    public record Outcome(
            TrainedRankingNetwork network,
            List<LocalDate> trainingDates,
            LocalDate validationDate,
            int trainingGroups,
            int validationGroups)
            implements AutoCloseable {

        @Override
        public void close() {
            network.close();
        }
    }

    /**
     * Trains on purchases strictly before {@code cutoff} only.
     *
     * @param descriptions item id to description, for the holiday keyword features
     */
    public Outcome train(PurchaseLog history, LocalDate cutoff, Map<String, String> descriptions) {
        long started = System.nanoTime();
        TrainingExampleBuilder builder =
                new TrainingExampleBuilder(
                        calendar,
                        descriptions,
                        new TrainingExampleBuilder.Settings(16, 40, hyperparameters.seed()));
        List<LocalDate> dates =
                schedule.trainingDates(LocalDate.ofEpochDay(history.firstDay()), cutoff);
        LocalDate validationDate = schedule.validationDate(cutoff);
        TrainingExamples training = builder.build(history, dates, schedule.labelDays());
        TrainingExamples validation =
                builder.build(history, List.of(validationDate), schedule.labelDays());
        LOG.infof(
                "examples cutoff=%s training_dates=%d training_groups=%d validation_groups=%d seconds=%.1f",
                cutoff,
                dates.size(),
                training.groupCount(),
                validation.groupCount(),
                (System.nanoTime() - started) / 1e9);

        TrainedRankingNetwork network =
                new TensorFlowRankTrainer(hyperparameters).train(training, validation);
        return new Outcome(
                network, dates, validationDate, training.groupCount(), validation.groupCount());
    }
}
