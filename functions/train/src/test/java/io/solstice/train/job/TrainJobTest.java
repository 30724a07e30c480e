package io.solstice.train.job;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.clean.CleanPurchase;
import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ShopperHistory;
import io.solstice.model.ServingModel;
import io.solstice.score.ModelScorer;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.StoredModel;
import io.solstice.train.model.TensorFlowRankTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train job end to end against the local DynamoDB and S3 stand-ins, on a slice of the real
 * Online Retail data: events stored the way the ingest function stores them go in, a published
 * model with a loadable SavedModel comes out, and the plain-Java scorer agrees with DJL on it.
 */
class TrainJobTest {

    private static SliceInStandIns stores;
    private static ModelPointer published;
    private static StoredModel stored;
    private static LocalDate lastCleanPurchaseDay;

    @TempDir static Path workDirectory;

    @BeforeAll
    static void storeSliceAndTrain() throws Exception {
        stores = SliceInStandIns.start();
        lastCleanPurchaseDay =
                new PurchaseCleaner(CleaningPolicy.defaults())
                        .clean(stores.slice()).purchases().stream()
                                .map(CleanPurchase::localDate)
                                .max(LocalDate::compareTo)
                                .orElseThrow();

        published = new TrainJob(stores.settings()).run();
        stored =
                new ModelRepository(stores.s3Client(), SliceInStandIns.BUCKET)
                        .loadCurrent()
                        .orElseThrow();
    }

    @AfterAll
    static void stopStandIns() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void givenStoredEvents_whenTrainJobRuns_thenCurrentPointerNamesTheNewModelWithItsManifest() {
        ServingModel model = ServingModel.fromFiles(stored.files());

        assertThat(stored.version()).isEqualTo(published.version());
        assertThat(model.manifest().modelVersion()).isEqualTo(published.version());
        assertThat(model.manifest().dataTo()).isEqualTo(lastCleanPurchaseDay.toString());
        assertThat(model.manifest().hyperparameters().seed()).isPositive();
        assertThat(model.manifest().codeVersion()).isEqualTo("test");
        assertThat(model.manifest().device()).isIn("CPU", "GPU");
        assertThat(model.manifest().metrics())
                .containsKeys(
                        "validation.all.ndcg@20.model",
                        "validation.all.ndcg@20.history-then-item-knn");
        assertThat(model.manifest().purchasesUsed()).isLessThan(model.manifest().eventsRead());
        assertThat(model.weights().featureNames()).isEqualTo(CandidateFeatures.NAMES);
        assertThat(model.discoveryWeights()).isNotNull();
        assertThat(model.newcomerWeights()).isNotNull();
        assertThat(stored.files())
                .containsKeys(
                        "saved-model/saved_model.pb",
                        "saved-model-discovery/saved_model.pb",
                        "saved-model-newcomer/saved_model.pb");
    }

    @Test
    void givenPublishedSavedModel_whenDjlScoresRealCandidates_thenPlainJavaAgreesWithin1e5()
            throws Exception {
        ServingModel model = ServingModel.fromFiles(stored.files());
        Path savedModel = writeSavedModel(stored.files());
        CandidateFeatures features =
                new CandidateFeatures(model.signals(), SeasonCalendar.standard());
        CandidateFeatures.Context context =
                features.context(
                        LocalDate.of(2011, 11, 15), SeasonCalendar.standard().country("GB"));
        int[] candidates = IntStream.range(0, model.signals().itemCount()).toArray();
        int[] bought = {candidates[0], candidates[1], candidates[2], candidates[1]};
        int[] days = {15_000, 15_100, 15_200, 15_250};
        ShopperHistory shopper = ShopperHistory.of(bought, days, bought.length, context.day());
        float[] rows = new float[candidates.length * CandidateFeatures.COUNT];
        features.fill(shopper, context, candidates, rows);

        ModelScorer scorer = new ModelScorer(model.weights());
        int userRow = scorer.userRow(model.weights().userIds().get(0));
        int[] itemRows =
                IntStream.of(candidates)
                        .map(i -> scorer.itemRow(model.signals().itemIds().get(i)))
                        .toArray();
        float[] plain = new float[candidates.length];
        scorer.scoreBatch(rows, userRow, itemRows, context.season(), plain);
        float[] reference = scoreWithDjl(savedModel, rows, userRow, itemRows, context.season());

        double maxDifference = 0;
        for (int i = 0; i < plain.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(plain[i] - reference[i]));
        }
        assertThat(maxDifference).isLessThanOrEqualTo(1e-5);
    }

    private static Path writeSavedModel(Map<String, byte[]> files) throws IOException {
        Path directory = workDirectory.resolve("saved-model");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().startsWith("saved-model/")) {
                Path target = directory.resolve(file.getKey().substring("saved-model/".length()));
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
        return directory;
    }

    private static float[] scoreWithDjl(
            Path savedModel, float[] rows, int userRow, int[] itemRows, float[] season)
            throws Exception {
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(savedModel)
                        .optEngine("TensorFlow")
                        .optOption("SignatureDefKey", TensorFlowRankTrainer.SIGNATURE_KEY)
                        .build();
        int n = itemRows.length;
        float[] seasons = new float[n * 2];
        int[] users = new int[n];
        for (int i = 0; i < n; i++) {
            seasons[2 * i] = season[0];
            seasons[2 * i + 1] = season[1];
            users[i] = userRow;
        }
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray features = manager.create(rows, new Shape(n, CandidateFeatures.COUNT));
            features.setName("features");
            NDArray user = manager.create(users, new Shape(n));
            user.setName("user");
            NDArray item = manager.create(itemRows, new Shape(n));
            item.setName("item");
            NDArray time = manager.create(seasons, new Shape(n, 2));
            time.setName("season");
            return predictor.predict(new NDList(features, user, item, time)).get(0).toFloatArray();
        }
    }
}
