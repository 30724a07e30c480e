package io.solstice.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.solstice.model.RankingModelWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batched forward pass against the per-candidate one it replaces on the serving path. */
class ModelScorerTest {

    private static final int FEATURES = 18;
    private static final int HIDDEN = 32;
    private static final int DIM = 16;
    private static final int USERS = 20;
    private static final int ITEMS = 300;

    /** Batch sizes around {@link ModelScorer#BLOCK}: one, a part block, a block, several. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 256, 1000, 1001})
    void givenRandomWeights_whenScoreBatch_thenEachScoreEqualsScoreOfThatCandidate(int candidates) {
        // given random weights and raw features, some outside the training range (clipped)
        Random random = new Random(20261204L + candidates);
        ModelScorer scorer = new ModelScorer(randomWeights(random));
        float[] featureMatrix = randomFeatures(random, candidates);
        int[] itemRows =
                IntStream.range(0, candidates).map(c -> random.nextInt(ITEMS + 1)).toArray();
        int userRow = 1 + random.nextInt(USERS);
        float[] season = {0.6f, -0.8f};

        // when
        float[] batch = new float[candidates];
        scorer.scoreBatch(featureMatrix, userRow, itemRows, season, batch);

        // then
        for (int c = 0; c < candidates; c++) {
            float single = scorer.score(featureMatrix, c * FEATURES, userRow, itemRows[c], season);
            assertThat(batch[c])
                    .as("candidate %d of %d", c, candidates)
                    .isCloseTo(single, within(1e-5f));
        }
    }

    private static float[] randomFeatures(Random random, int candidates) {
        float[] matrix = new float[candidates * FEATURES];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) (random.nextGaussian() * 3);
        }
        return matrix;
    }

    private static RankingModelWeights randomWeights(Random random) {
        float[] min = filled(FEATURES, -2f);
        float[] max = filled(FEATURES, 2f);
        float[] scale = new float[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            scale[k] = 0.5f + random.nextFloat();
        }
        return new RankingModelWeights(
                ids("feature", FEATURES),
                min,
                max,
                gaussian(random, FEATURES),
                scale,
                gaussian(random, FEATURES * HIDDEN),
                gaussian(random, HIDDEN),
                gaussian(random, HIDDEN),
                gaussian(random, FEATURES),
                0.3f,
                DIM,
                ids("u", USERS),
                ids("i", ITEMS),
                withZeroFirstRow(gaussian(random, (USERS + 1) * DIM), DIM),
                withZeroFirstRow(gaussian(random, (ITEMS + 1) * DIM), DIM),
                withZeroFirstRow(
                        gaussian(random, (ITEMS + 1) * RankingModelWeights.SEASON_WIDTH),
                        RankingModelWeights.SEASON_WIDTH));
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }

    private static float[] gaussian(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return values;
    }

    /** Row 0 of the embedding tables is the unknown user or item: all zeros. */
    private static float[] withZeroFirstRow(float[] table, int width) {
        Arrays.fill(table, 0, width, 0f);
        return table;
    }
}
