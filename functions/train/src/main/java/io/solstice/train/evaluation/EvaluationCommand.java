package io.solstice.train.evaluation;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.evaluation.EvaluateBaselines;
import io.solstice.evaluation.Evaluation;
import io.solstice.evaluation.EvaluationMode;
import io.solstice.evaluation.EvaluationOptions;
import io.solstice.evaluation.EvaluationReport;
import io.solstice.evaluation.EvaluationSettings;
import io.solstice.evaluation.Recommender;
import io.solstice.evaluation.ReportTable;
import io.solstice.feature.TrainingSchedule;
import io.solstice.model.RankingHyperparameters;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.train.data.TrainingData;
import io.solstice.train.data.TrainingDataSource;
import io.solstice.train.job.AwsClients;
import io.solstice.train.job.TrainJobSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The evaluation of {@code EVALUATION.md}: Solstice's seasonal model, retrained at every cutoff on
 * the purchases before it, beside Tribuo's factorisation machine ({@link
 * FactorisationMachineBaseline}) and the five baselines, in both modes.
 *
 * <pre>
 * EvaluationCommand (--source=dynamodb | --csv=FILE) [--output=DIR] [--cutoffs=DATE,...]
 *                   [--window-days=N] [--k=K,...] [--column.FIELD=NAME]
 *                   [--timestamp-pattern=P] [--zone=ZONE]
 * </pre>
 *
 * With {@code --source=dynamodb} it reads the events as the ingest function stored them (tables and
 * endpoint from the same environment variables as the train job). It prints the tables, writes them
 * to {@code evaluation.txt} and every ranked list to a gzip CSV, all under the output folder.
 */
public final class EvaluationCommand {

    private static final String USAGE =
            "Usage: EvaluationCommand (--source=dynamodb | --csv=FILE) [--output=DIR]"
                    + " [--cutoffs=DATE,...] [--window-days=N] [--k=K,...]"
                    + " [--column.FIELD=NAME] [--timestamp-pattern=P] [--zone=ZONE]";

    private EvaluationCommand() {}

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        String source = take(rest, "--source=");
        String csv = take(rest, "--csv=");
        if ((source == null) == (csv == null) || (source != null && !source.equals("dynamodb"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        EvaluationOptions options = EvaluationOptions.parse(rest);
        TrainingData data =
                csv != null
                        ? TrainingDataSource.fromCsv(Path.of(csv), options.mapping())
                        : readStore(TrainJobSettings.from(System.getenv()));
        run(data, options);
    }

    /** Evaluates the model and the baselines on {@code data}; prints and writes the tables. */
    public static List<EvaluationReport> run(TrainingData data, EvaluationOptions options)
            throws IOException {
        List<Recommender> methods = new ArrayList<>();
        methods.add(
                SeasonalModelRecommender.retrainedPerCutoff(
                        SeasonCalendar.standard(),
                        data.descriptions(),
                        RankingHyperparameters.defaults(),
                        TrainingSchedule.defaults()));
        methods.add(
                new FactorisationMachineBaseline(FactorisationMachineBaseline.Settings.defaults()));
        methods.addAll(EvaluateBaselines.baselines());

        SeasonCalendar calendar = SeasonCalendar.standard();
        EvaluationSettings settings =
                options.settings()
                        .withOutOfSeason(
                                new HolidayTextSeasonRule(
                                        calendar,
                                        data.log().items(),
                                        data.descriptions(),
                                        calendar.country("GB")));
        List<EvaluationReport> reports = new Evaluation(data.log(), settings).evaluateAll(methods);
        StringBuilder text = new StringBuilder();
        for (EvaluationReport report : reports) {
            text.append(report.table()).append('\n');
        }
        text.append(ReportTable.comparison(reports)).append('\n');
        int k = options.settings().ks().get(0);
        for (EvaluationMode mode : EvaluationMode.values()) {
            text.append(NdcgByCutoff.table(reports, mode, k)).append('\n');
        }
        for (EvaluationReport report : reports) {
            text.append("ranked lists ")
                    .append(report.method())
                    .append(": ")
                    .append(report.rankedLists())
                    .append('\n');
        }
        Path output = options.settings().outputDirectory();
        Files.createDirectories(output);
        for (EvaluationMode mode : EvaluationMode.values()) {
            text.append("plot: ").append(NdcgPlot.write(reports, mode, k, output)).append('\n');
        }
        Files.writeString(output.resolve("evaluation.txt"), text, StandardCharsets.UTF_8);
        System.out.println(text);
        System.out.println("evaluation tables written to " + output.resolve("evaluation.txt"));
        return reports;
    }

    private static TrainingData readStore(TrainJobSettings settings) {
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings);
                EventStore events = new EventStore(dynamoDb, settings.eventsTable())) {
            return TrainingDataSource.fromStore(
                    events, new CatalogStore(dynamoDb, settings.catalogTable()));
        }
    }

    private static String take(List<String> args, String prefix) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(prefix)) {
                return args.remove(i).substring(prefix.length());
            }
        }
        return null;
    }
}
