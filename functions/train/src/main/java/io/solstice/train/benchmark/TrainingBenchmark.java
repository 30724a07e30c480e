package io.solstice.train.benchmark;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.feature.TrainingExampleBuilder;
import io.solstice.feature.TrainingExampleBuilder.Question;
import io.solstice.feature.TrainingExamples;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import io.solstice.train.data.TrainingData;
import io.solstice.train.data.TrainingDataSource;
import io.solstice.train.model.TensorFlowRankTrainer;
import io.solstice.train.model.TrainedRankingNetwork;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput on a full transactions file: how long the train job's steps take and how many
 * scored examples per second the network trains on, on whatever device TensorFlow uses in this
 * process (CPU natives, or the GPU natives of the GPU image). Prints one table; {@code
 * functions/train/benchmark-training.sh} runs it once per device available and prints the speed-up.
 * A harness, not a test: run it on a quiet machine.
 *
 * <pre>
 * java -cp functions/train/target/solstice-train.jar io.solstice.train.benchmark.TrainingBenchmark \
 *     --csv=../shared/data/online_retail.csv.gz [--epochs=5] [--device-label=CPU]
 * </pre>
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(option(args, "--csv=", "../shared/data/online_retail.csv.gz"));
        int epochs = Integer.parseInt(option(args, "--epochs=", "5"));
        String device = option(args, "--device-label=", "CPU");
        run(csv, epochs, device, System.out);
    }

    static void run(Path csv, int epochs, String device, PrintStream out) throws IOException {
        long started = System.nanoTime();
        TrainingData data = TrainingDataSource.fromCsv(csv, ColumnMapping.onlineRetail());
        LocalDate cutoff = data.dayAfterLastPurchase();
        PurchaseLog history = data.log().before(cutoff);
        double loadSeconds = seconds(started);

        RankingHyperparameters hyperparameters = RankingHyperparameters.defaults();
        TrainingSchedule schedule = TrainingSchedule.defaults();
        List<LocalDate> dates =
                schedule.trainingDates(LocalDate.ofEpochDay(history.firstDay()), cutoff);
        started = System.nanoTime();
        TrainingExamples examples =
                new TrainingExampleBuilder(
                                SeasonCalendar.standard(),
                                data.descriptions(),
                                new TrainingExampleBuilder.Settings(
                                        16, 40, hyperparameters.seed(), Question.EVERY_ITEM))
                        .build(history, dates, schedule.labelDays());
        double buildSeconds = seconds(started);

        started = System.nanoTime();
        try (TrainedRankingNetwork network =
                new TensorFlowRankTrainer(hyperparameters).trainForEpochs(examples, epochs)) {
            network.weights();
        }
        double trainSeconds = seconds(started);

        long scored = (long) examples.groupCount() * (1 + examples.negativesPerPositive()) * epochs;
        out.printf(Locale.ROOT, "%n# training benchmark, device %s, %s%n", device, environment());
        out.printf(
                Locale.ROOT,
                "data: %d clean purchases, %d training dates, %d groups of 1 bought + %d drawn,"
                        + " %d distinct rows, %d epochs, batch %d%n%n",
                history.size(),
                dates.size(),
                examples.groupCount(),
                examples.negativesPerPositive(),
                examples.rowCount(),
                epochs,
                hyperparameters.batchSize());
        out.println("| step | wall s | examples/s |");
        out.println("|---|---|---|");
        out.printf(Locale.ROOT, "| read and clean the file | %.1f | |%n", loadSeconds);
        out.printf(
                Locale.ROOT,
                "| build training groups | %.1f | %,.0f groups/s |%n",
                buildSeconds,
                examples.groupCount() / buildSeconds);
        out.printf(
                Locale.ROOT,
                "| train %d epochs (%s) | %.1f | %,.0f scored examples/s |%n",
                epochs,
                device,
                trainSeconds,
                scored / trainSeconds);
        out.printf(Locale.ROOT, "| total | %.1f | |%n", loadSeconds + buildSeconds + trainSeconds);
    }

    private static String environment() {
        return Runtime.getRuntime().availableProcessors()
                + " cores visible, Java "
                + System.getProperty("java.version");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }
}
