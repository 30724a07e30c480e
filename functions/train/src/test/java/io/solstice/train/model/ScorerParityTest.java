package io.solstice.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.solstice.feature.TrainingExamples;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import io.solstice.score.ModelScorer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Java scorer that the native rank function runs must compute what the SavedModel
 * computes when DJL runs it: the reference is DJL's TensorFlow engine on the exported model.
 */
class ScorerParityTest {

    private static final RankingHyperparameters HYPERPARAMETERS =
            new RankingHyperparameters(16, 8, 6, 2, 256, 0.01f, 1e-4f, 7L);

    @TempDir static Path directory;

    private static TrainingExamples training;
    private static List<Float> losses;
    private static RankingModelWeights weights;
    private static Path savedModel;

    @BeforeAll
    static void trainAndExport() {
        training = SyntheticExamples.generate(1, 60, 40, 30);
        TrainingExamples validation = SyntheticExamples.generate(2, 60, 40, 5);
        try (TrainedRankingNetwork network =
                new TensorFlowRankTrainer(HYPERPARAMETERS).train(training, validation)) {
            losses = network.validationLosses();
            weights = network.weights();
            savedModel = directory.resolve("saved-model");
            network.exportSavedModel(savedModel);
        }
    }

    @Test
    void givenLearnableSignal_whenTrained_thenValidationLossFallsWellBelowChance() {
        assertThat(losses).isNotEmpty();
        assertThat(losses.stream().min(Float::compare).orElseThrow()).isLessThan(0.45f);
    }

    @Test
    void givenWeightsFile_whenReadBack_thenScoresAreIdentical() {
        RankingModelWeights reread = RankingModelWeights.fromBytes(weights.toBytes());
        ModelScorer original = new ModelScorer(weights);
        ModelScorer copy = new ModelScorer(reread);
        float[] season = {0.3f, -0.95f};
        float[] features = {1f, 0.5f, 3f, 40f};

        assertThat(copy.score(features, 0, 5, 7, season))
                .isEqualTo(original.score(features, 0, 5, 7, season));
    }

    @Test
    void givenRandomInputs_whenScoredByDjlAndPlainJava_thenScoresAgreeWithin1e5() throws Exception {
        int n = 2_000;
        Random random = new Random(99);
        int features = weights.featureCount();
        float[] values = new float[n * features];
        int[] users = new int[n];
        int[] items = new int[n];
        float[] season = new float[n * 2];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < features; k++) {
                values[i * features + k] = (float) (random.nextGaussian() * (k == 3 ? 100 : 2));
            }
            users[i] = random.nextInt(weights.userIds().size() + 1);
            items[i] = random.nextInt(weights.itemIds().size() + 1);
            double angle = random.nextDouble() * 2 * Math.PI;
            season[2 * i] = (float) Math.sin(angle);
            season[2 * i + 1] = (float) Math.cos(angle);
        }

        float[] reference = scoreWithDjl(values, users, items, season);
        ModelScorer scorer = new ModelScorer(weights);
        double maxDifference = 0;
        for (int i = 0; i < n; i++) {
            float plain =
                    scorer.score(
                            values,
                            i * features,
                            users[i],
                            items[i],
                            new float[] {season[2 * i], season[2 * i + 1]});
            maxDifference = Math.max(maxDifference, Math.abs(plain - reference[i]));
        }

        assertThat(maxDifference).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void givenOneShopperOnOneDay_whenScoreBatchAndDjl_thenScoresAgreeWithin1e5() throws Exception {
        // given 1,001 candidates of one shopper on one day, as the rank function scores them:
        // several of scoreBatch's blocks and a part block
        int n = 1_001;
        Random random = new Random(2026);
        float[] values = randomFeatures(random, n, weights.featureCount());
        int user = 1 + random.nextInt(weights.userIds().size());
        int[] users = new int[n];
        Arrays.fill(users, user);
        int[] items = new int[n];
        for (int i = 0; i < n; i++) {
            items[i] = random.nextInt(weights.itemIds().size() + 1);
        }
        float[] day = {(float) Math.sin(2.1), (float) Math.cos(2.1)};
        float[] season = new float[n * 2];
        for (int i = 0; i < n; i++) {
            season[2 * i] = day[0];
            season[2 * i + 1] = day[1];
        }

        // when
        float[] reference = scoreWithDjl(values, users, items, season);
        float[] batch = new float[n];
        new ModelScorer(weights).scoreBatch(values, user, items, day, batch);

        // then
        double maxDifference = 0;
        for (int i = 0; i < n; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(batch[i] - reference[i]));
        }
        assertThat(maxDifference).isLessThanOrEqualTo(1e-5);
    }

    /** Raw features around 0, feature 3 (a count) on a wider scale so that clipping happens. */
    private static float[] randomFeatures(Random random, int n, int features) {
        float[] values = new float[n * features];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * (i % features == 3 ? 100 : 2));
        }
        return values;
    }

    private static float[] scoreWithDjl(float[] values, int[] users, int[] items, float[] season)
            throws Exception {
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(savedModel)
                        .optEngine("TensorFlow")
                        .optOption("SignatureDefKey", TensorFlowRankTrainer.SIGNATURE_KEY)
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager()) {
            int n = users.length;
            NDArray features = manager.create(values, new Shape(n, values.length / n));
            features.setName("features");
            NDArray user = manager.create(users, new Shape(n));
            user.setName("user");
            NDArray item = manager.create(items, new Shape(n));
            item.setName("item");
            NDArray time = manager.create(season, new Shape(n, 2));
            time.setName("season");
            NDList output = predictor.predict(new NDList(features, user, item, time));
            return output.get(0).toFloatArray();
        }
    }
}
