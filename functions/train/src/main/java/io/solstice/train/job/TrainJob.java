package io.solstice.train.job;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.ModelManifest;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.ServingModel;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.RunReports;
import io.solstice.train.data.TrainingData;
import io.solstice.train.data.TrainingDataSource;
import io.solstice.train.model.ModelTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The training job (an AWS Batch container; runs locally the same way): reads every event the
 * ingest function stored, cleans them, trains the seasonal ranking network in TensorFlow Java,
 * checks it against the strongest baseline on the latest validation window, and publishes the
 * SavedModel, the plain-Java weights, the item signals, the manifest and the data quality report to
 * S3 under a new version; the "current model" pointer moves only after every file is written. Data
 * that breaks a quality limit stops the run before training (see {@link DataQualityCheck}).
 */
public final class TrainJob {

    private static final Logger LOG = Logger.getLogger(TrainJob.class);
    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SAVED_MODEL_PREFIX = "saved-model/";

    private final TrainJobSettings settings;
    private final SeasonCalendar calendar = SeasonCalendar.standard();

    public TrainJob(TrainJobSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        TrainJobSettings settings;
        try {
            settings = TrainJobSettings.from(System.getenv(), args);
            settings.requireModelBucket();
        } catch (IllegalArgumentException e) {
            LOG.errorf("configuration_error message=\"%s\"", e.getMessage());
            System.exit(2);
            return;
        }
        try {
            ModelPointer published = new TrainJob(settings).run();
            System.out.println("published model version=" + published.version());
        } catch (TrainingRefusedException e) {
            LOG.errorf(
                    "training refused violations=%d report=%s",
                    e.violations().size(), e.reportLocation());
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }

    /**
     * Runs the job end to end and returns the pointer of the published model.
     *
     * @throws TrainingRefusedException when the data breaks a quality limit: nothing is published,
     *     the served model stays, and the report is in {@code reports/<version>/}
     */
    public ModelPointer run() {
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings);
                S3Client s3 = AwsClients.s3(settings);
                EventStore events = new EventStore(dynamoDb, settings.eventsTable())) {
            TrainingData data =
                    TrainingDataSource.fromStore(
                            events,
                            new CatalogStore(dynamoDb, settings.catalogTable()),
                            settings.qualityOptions(),
                            qualityAsOf());

            Instant now = Instant.now();
            String version = VERSION_FORMAT.format(now);
            Map<String, byte[]> reports =
                    new DataQualityCheck(
                                    settings.qualityThresholds(),
                                    new RunReports(s3, settings.modelBucket()),
                                    System.out)
                            .check(data.quality(), version);
            Map<String, byte[]> files = train(data, version, now);
            files.putAll(reports);
            ModelPointer pointer =
                    new ModelRepository(s3, settings.modelBucket()).publish(version, files);
            LOG.infof(
                    "published model_version=%s files=%d bucket=%s",
                    version, files.size(), settings.modelBucket());
            return pointer;
        }
    }

    /** The as-of time the quality report measures ages from: the as-of date, else now. */
    private Instant qualityAsOf() {
        return settings.asOf()
                .map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private Map<String, byte[]> train(TrainingData data, String version, Instant now) {
        LocalDate cutoff = settings.asOf().orElse(data.dayAfterLastPurchase());
        PurchaseLog history = data.log().before(cutoff);
        TrainingSchedule schedule = TrainingSchedule.defaults();
        ModelTraining training =
                new ModelTraining(calendar, RankingHyperparameters.defaults(), schedule);
        String device = TrainingDevice.detect();

        try (ModelTraining.Outcome outcome = training.train(history, cutoff, data.descriptions())) {
            Map<String, Double> metrics =
                    ValidationCheck.run(
                            history,
                            outcome.validationDate(),
                            schedule.labelDays(),
                            outcome.network().weights(),
                            data.descriptions(),
                            calendar);
            LOG.infof("validation %s", metrics);

            ModelManifest manifest =
                    manifest(version, now, data, history, training, outcome, device, metrics);
            ServingModel model =
                    new ServingModel(
                            manifest,
                            outcome.network().weights(),
                            ItemSignals.of(history, data.descriptions(), calendar),
                            data.catalog());
            Map<String, byte[]> files = new LinkedHashMap<>(savedModelFiles(outcome));
            files.putAll(model.toFiles());
            return files;
        }
    }

    private ModelManifest manifest(
            String version,
            Instant now,
            TrainingData data,
            PurchaseLog history,
            ModelTraining training,
            ModelTraining.Outcome outcome,
            String device,
            Map<String, Double> metrics) {
        return new ModelManifest(
                version,
                now.toString(),
                LocalDate.ofEpochDay(history.firstDay()).toString(),
                LocalDate.ofEpochDay(history.lastDay()).toString(),
                data.eventsRead(),
                history.size(),
                training.hyperparameters(),
                outcome.trainingDates().stream().map(LocalDate::toString).toList(),
                outcome.validationDate().toString(),
                settings.codeVersion(),
                device,
                CandidateFeatures.NAMES,
                outcome.network().validationLosses(),
                metrics);
    }

    private static Map<String, byte[]> savedModelFiles(ModelTraining.Outcome outcome) {
        try {
            Path directory = Files.createTempDirectory("solstice-model").resolve("saved-model");
            outcome.network().exportSavedModel(directory);
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                    String name = directory.relativize(path).toString().replace('\\', '/');
                    files.put(SAVED_MODEL_PREFIX + name, Files.readAllBytes(path));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("could not export the SavedModel", e);
        }
    }
}
