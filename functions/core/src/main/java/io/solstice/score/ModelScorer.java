package io.solstice.score;

import io.solstice.model.RankingModelWeights;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The forward pass of the ranking network in plain Java, so that the rank function (compiled to a
 * native executable) needs neither libtensorflow nor DJL. It computes exactly what the SavedModel's
 * serving signature computes; see {@link RankingModelWeights} for the formula. Thread-safe; {@link
 * #scoreBatch} allocates once per call, not per candidate.
 */
public final class ModelScorer {

    private final RankingModelWeights weights;
    private final int features;
    private final int hidden;
    private final int dim;
    private final float[] hiddenKernelByUnit;
    private final float[] inverseScale;
    private final Map<String, Integer> userRows;
    private final Map<String, Integer> itemRows;

    public ModelScorer(RankingModelWeights weights) {
        this.weights = weights;
        this.features = weights.featureCount();
        this.hidden = weights.hiddenWidth();
        this.dim = weights.embeddingDim();
        this.hiddenKernelByUnit = transpose(weights.hiddenKernel(), features, hidden);
        this.inverseScale = new float[features];
        for (int k = 0; k < features; k++) {
            inverseScale[k] = 1f / weights.featureScale()[k];
        }
        this.userRows = rowsOf(weights.userIds());
        this.itemRows = rowsOf(weights.itemIds());
    }

    private static float[] transpose(float[] matrix, int rows, int columns) {
        float[] transposed = new float[matrix.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c * rows + r] = matrix[r * columns + c];
            }
        }
        return transposed;
    }

    private static Map<String, Integer> rowsOf(List<String> ids) {
        Map<String, Integer> rows = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            rows.put(ids.get(i), i + 1);
        }
        return rows;
    }

    public RankingModelWeights weights() {
        return weights;
    }

    /** Embedding row of a user id; 0 (the unknown user) when the model never saw it. */
    public int userRow(String userId) {
        return userId == null ? 0 : userRows.getOrDefault(userId, 0);
    }

    /** Embedding row of an item id; 0 (the unknown item) when the model never saw it. */
    public int itemRow(String itemId) {
        return itemRows.getOrDefault(itemId, 0);
    }

    /**
     * Scores one candidate.
     *
     * @param featureRow raw (unstandardised) feature values, {@code featureCount()} of them
     * @param offset where this candidate's features start in {@code featureRow}
     * @param userRow from {@link #userRow(String)}
     * @param itemRow from {@link #itemRow(String)}
     * @param season sine and cosine of the day-of-year angle
     */
    public float score(float[] featureRow, int offset, int userRow, int itemRow, float[] season) {
        return score(featureRow, offset, userRow, itemRow, season, new float[features]);
    }

    /**
     * Scores {@code itemRows.length} candidates of one user.
     *
     * @param featureMatrix raw features, one row of {@code featureCount()} values per candidate
     * @param userRow from {@link #userRow(String)}
     * @param itemRows the candidates' embedding rows
     * @param season sine and cosine of the day-of-year angle, shared by all candidates
     * @param scores receives one score per candidate
     */
    public void scoreBatch(
            float[] featureMatrix, int userRow, int[] itemRows, float[] season, float[] scores) {
        float[] z = new float[features];
        for (int c = 0; c < itemRows.length; c++) {
            scores[c] = score(featureMatrix, c * features, userRow, itemRows[c], season, z);
        }
    }

    private float score(
            float[] featureRow, int offset, int userRow, int itemRow, float[] season, float[] z) {
        for (int k = 0; k < features; k++) {
            z[k] = standardise(featureRow[offset + k], k);
        }

        float score = weights.outputBias() + dense(z);
        score +=
                dot(weights.userEmbedding(), userRow * dim, weights.itemEmbedding(), itemRow * dim);
        int seasonRow = itemRow * RankingModelWeights.SEASON_WIDTH;
        for (int s = 0; s < RankingModelWeights.SEASON_WIDTH; s++) {
            score += weights.itemSeason()[seasonRow + s] * season[s];
        }
        return score;
    }

    /**
     * How much each term moves one candidate's score: for each group of feature columns, the score
     * minus the score with those columns set to their training mean (occlusion attribution), then
     * the collaborative and the seasonal term as they are.
     *
     * @param groups column indexes per feature group
     * @return one value per group, then the collaborative term, then the seasonal term
     */
    public float[] contributions(
            float[] featureRow,
            int offset,
            int userRow,
            int itemRow,
            float[] season,
            int[][] groups) {
        float[] z = new float[features];
        for (int k = 0; k < features; k++) {
            z[k] = standardise(featureRow[offset + k], k);
        }
        float full = dense(z);

        float[] result = new float[groups.length + 2];
        for (int g = 0; g < groups.length; g++) {
            float[] occluded = z.clone();
            for (int column : groups[g]) {
                occluded[column] = 0f;
            }
            result[g] = full - dense(occluded);
        }
        result[groups.length] =
                dot(weights.userEmbedding(), userRow * dim, weights.itemEmbedding(), itemRow * dim);
        int seasonRow = itemRow * RankingModelWeights.SEASON_WIDTH;
        for (int s = 0; s < RankingModelWeights.SEASON_WIDTH; s++) {
            result[groups.length + 1] += weights.itemSeason()[seasonRow + s] * season[s];
        }
        return result;
    }

    /** Clips a raw value to the training range, then standardises it. */
    private float standardise(float value, int k) {
        float clipped = Math.min(Math.max(value, weights.featureMin()[k]), weights.featureMax()[k]);
        return (clipped - weights.featureMean()[k]) * inverseScale[k];
    }

    private float dense(float[] z) {
        float total = 0f;
        for (int k = 0; k < features; k++) {
            total += weights.linearKernel()[k] * z[k];
        }
        for (int h = 0; h < hidden; h++) {
            float activation = weights.hiddenBias()[h];
            int base = h * features;
            for (int k = 0; k < features; k++) {
                activation += hiddenKernelByUnit[base + k] * z[k];
            }
            if (activation > 0f) {
                total += weights.outputKernel()[h] * activation;
            }
        }
        return total;
    }

    private float dot(float[] left, int leftOffset, float[] right, int rightOffset) {
        float total = 0f;
        for (int d = 0; d < dim; d++) {
            total += left[leftOffset + d] * right[rightOffset + d];
        }
        return total;
    }
}
