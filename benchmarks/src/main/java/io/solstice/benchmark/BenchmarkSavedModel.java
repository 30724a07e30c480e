package io.solstice.benchmark;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.TrainingExamples;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import io.solstice.train.model.TensorFlowRankTrainer;
import io.solstice.train.model.TrainedRankingNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One production-sized network (the {@link SyntheticModel}'s 10,000 items and 50,000 users, the
 * default widths) trained briefly by functions/train's {@link TensorFlowRankTrainer} and written
 * twice, as the train job writes it: a SavedModel for the DJL scorer and the weights file for the
 * plain-Java scorer. Both scorers then run the same model. Scoring time does not depend on how well
 * the network learned, so one epoch over real-shaped candidate rows is enough.
 */
final class BenchmarkSavedModel {

    /** System property naming the folder {@link #export} wrote, read by the benchmark forks. */
    static final String DIRECTORY_PROPERTY = "solstice.benchmark.model";

    private static final Logger LOG = Logger.getLogger(BenchmarkSavedModel.class);

    private static final int TRAINING_GROUPS = 2_000;

    private BenchmarkSavedModel() {}

    /** Trains and writes the model into a fresh {@code directory}; returns it. */
    static Path export(Path directory) {
        long started = System.nanoTime();
        deleteRecursively(directory);
        SeasonCalendar calendar = SeasonCalendar.standard();
        ItemSignals signals = SyntheticModel.signals(calendar, 7);
        TrainingExamples training = examples(signals, calendar, 1);
        TrainingExamples validation = examples(signals, calendar, 2);

        try (TrainedRankingNetwork network =
                new TensorFlowRankTrainer(oneEpoch()).train(training, validation)) {
            network.exportSavedModel(savedModel(directory));
            Files.write(weightsFile(directory), network.weights().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark model to " + directory, e);
        }
        LOG.infof(
                "benchmark model exported directory=%s seconds=%.1f",
                directory, (System.nanoTime() - started) / 1e9);
        return directory;
    }

    /**
     * The SavedModel (tag {@code serve}, signature {@value TensorFlowRankTrainer#SIGNATURE_KEY}).
     */
    static Path savedModel(Path directory) {
        return directory.resolve("saved-model");
    }

    /** The same network's weights, in the format the rank function reads. */
    static RankingModelWeights weights(Path directory) {
        try {
            return RankingModelWeights.fromBytes(Files.readAllBytes(weightsFile(directory)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no benchmark model at "
                            + directory
                            + "; run RankLatencyTable, which exports it first",
                    e);
        }
    }

    /** The folder named by {@value #DIRECTORY_PROPERTY}, required. */
    static Path directoryFromProperty() {
        String value = System.getProperty(DIRECTORY_PROPERTY);
        if (value == null) {
            throw new IllegalStateException(
                    "system property "
                            + DIRECTORY_PROPERTY
                            + ": expected the folder BenchmarkSavedModel.export wrote, got none");
        }
        return Path.of(value);
    }

    private static Path weightsFile(Path directory) {
        return directory.resolve("weights.bin");
    }

    private static RankingHyperparameters oneEpoch() {
        RankingHyperparameters defaults = RankingHyperparameters.defaults();
        return new RankingHyperparameters(
                defaults.hiddenWidth(),
                defaults.embeddingDim(),
                1,
                1,
                defaults.batchSize(),
                defaults.learningRate(),
                defaults.l2(),
                defaults.seed());
    }

    /**
     * Pairs of candidate rows as the rank function computes them (a shopper with history, the
     * synthetic model's rank date, GB), every user and item id of the synthetic model in the
     * vocabulary so that the embedding tables have production size.
     */
    private static TrainingExamples examples(
            ItemSignals signals, SeasonCalendar calendar, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CandidateFeatures features = new CandidateFeatures(signals, calendar);
        CandidateFeatures.Context context =
                features.context(SyntheticModel.RANK_DATE, calendar.country("GB"));
        int rows = 2 * TRAINING_GROUPS;
        int[] items = new int[rows];
        int[] itemRows = new int[rows];
        int[] userRows = new int[rows];
        float[] season = new float[rows * 2];
        for (int row = 0; row < rows; row++) {
            items[row] = random.nextInt(signals.itemCount());
            itemRows[row] = items[row] + 1;
            userRows[row] = 1 + random.nextInt(SyntheticModel.USERS);
            season[2 * row] = context.season()[0];
            season[2 * row + 1] = context.season()[1];
        }
        float[] values = new float[rows * CandidateFeatures.COUNT];
        features.fill(SyntheticModel.shopper(40, seed), context, items, values);

        int[] positives = new int[TRAINING_GROUPS];
        int[] negatives = new int[TRAINING_GROUPS];
        for (int group = 0; group < TRAINING_GROUPS; group++) {
            positives[group] = 2 * group;
            negatives[group] = 2 * group + 1;
            userRows[2 * group + 1] = userRows[2 * group];
        }
        return new TrainingExamples(
                CandidateFeatures.NAMES,
                SyntheticModel.userIds(),
                signals.itemIds(),
                values,
                userRows,
                itemRows,
                season,
                1,
                positives,
                negatives,
                new float[TRAINING_GROUPS]);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + directory, e);
        }
    }
}
