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
import io.solstice.train.evaluation.SeasonalModelRecommender;
import io.solstice.train.model.ModelTraining;
import io.solstice.train.model.TrainedRankingNetwork;
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
    private static final String DISCOVERY_SAVED_MODEL_PREFIX = "saved-model-discovery/";
    private static final String NEWCOMER_SAVED_MODEL_PREFIX = "saved-model-newcomer/";

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
        } catch (ModelNotPromotedException e) {
            LOG.warnf("model not promoted report=%s", e.reportLocation());
            System.err.println(e.getMessage());
            System.exit(4);
        }
    }

    /**
     * Runs the job end to end and returns the pointer of the published model.
     *
     * @throws TrainingRefusedException when the data breaks a quality limit: nothing is published,
     *     the served model stays, and the report is in {@code reports/<version>/}
     * @throws ModelNotPromotedException when the new model does not pass the {@link PromotionGate}:
     *     nothing is published, the served model stays, and the gate's checks are in {@code
     *     reports/<version>/promotion.json}
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
            ModelRepository models = new ModelRepository(s3, settings.modelBucket());
            Map<String, byte[]> files =
                    train(data, version, now, models, new RunReports(s3, settings.modelBucket()));
            files.putAll(reports);
            ModelPointer pointer = models.publish(version, files);
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

    private Map<String, byte[]> train(
            TrainingData data,
            String version,
            Instant now,
            ModelRepository models,
            RunReports runReports) {
        LocalDate cutoff = settings.asOf().orElse(data.dayAfterLastPurchase());
        PurchaseLog history = data.log().before(cutoff);
        TrainingSchedule schedule = TrainingSchedule.defaults();
        ModelTraining training =
                new ModelTraining(calendar, RankingHyperparameters.defaults(), schedule);
        String device = TrainingDevice.detect();

        try (ModelTraining.Outcome outcome = training.train(history, cutoff, data.descriptions())) {
            ServedModels.Served served = ServedModels.current(models, outcome.validationDate());
            ValidationCheck.Results results =
                    ValidationCheck.run(
                            history,
                            outcome.validationDate(),
                            schedule.labelDays(),
                            new SeasonalModelRecommender.Networks(
                                    outcome.all().selected(),
                                    outcome.discovery().selected(),
                                    outcome.newcomer().selected()),
                            served.comparableWeights(),
                            data.descriptions(),
                            calendar);
            PromotionGate.Decision decision =
                    new PromotionGate(settings.promotionTolerance())
                            .decide(results, served.gateView());
            Map<String, Double> metrics = new LinkedHashMap<>(results.metrics());
            metrics.putAll(decision.metrics());
            metrics.put("training.all.epochs", (double) outcome.all().epochs());
            metrics.put("training.discovery.epochs", (double) outcome.discovery().epochs());
            metrics.put("training.newcomer.epochs", (double) outcome.newcomer().epochs());
            LOG.infof("validation promote=%s checks=%s", decision.promote(), decision.checks());
            byte[] promotion = PromotionReport.json(version, decision, metrics);
            if (!decision.promote()) {
                String location =
                        runReports.write(version, Map.of(PromotionReport.FILE_NAME, promotion));
                throw new ModelNotPromotedException(decision.checks(), location);
            }

            ModelManifest manifest =
                    manifest(version, now, data, history, training, outcome, device, metrics);
            ServingModel model =
                    new ServingModel(
                            manifest,
                            outcome.all().network().weights(),
                            ItemSignals.of(history, data.descriptions(), calendar),
                            data.catalog(),
                            outcome.discovery().network().weights(),
                            outcome.newcomer().network().weights());
            Map<String, byte[]> files =
                    new LinkedHashMap<>(
                            savedModelFiles(outcome.all().network(), SAVED_MODEL_PREFIX));
            files.putAll(
                    savedModelFiles(outcome.discovery().network(), DISCOVERY_SAVED_MODEL_PREFIX));
            files.putAll(
                    savedModelFiles(outcome.newcomer().network(), NEWCOMER_SAVED_MODEL_PREFIX));
            files.putAll(model.toFiles());
            files.put(PromotionReport.FILE_NAME, promotion);
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
                outcome.all().validationLosses(),
                metrics);
    }

    private static Map<String, byte[]> savedModelFiles(
            TrainedRankingNetwork network, String prefix) {
        try {
            Path directory = Files.createTempDirectory("solstice-model").resolve("saved-model");
            network.exportSavedModel(directory);
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                    String name = directory.relativize(path).toString().replace('\\', '/');
                    files.put(prefix + name, Files.readAllBytes(path));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("could not export the SavedModel", e);
        }
    }
}
