package io.solstice.score;

import io.solstice.model.RankingModelWeights;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The forward pass of the ranking network in plain Java, so that the rank function (compiled to a
 * native executable) needs neither libtensorflow nor DJL. It computes exactly what the SavedModel's
 * serving signature computes; see {@link RankingModelWeights} for the formula. Thread-safe; {@link
 * #scoreBatch} allocates once per call, not per candidate, and is the fast path: it scores a block
 * of candidates per pass with loops that C2 vectorises.
 */
public final class ModelScorer {

    /**
     * Candidates per block in {@link #scoreBatch}: the block's standardised features (21 x 256
     * floats at the default width) and one hidden unit's activations stay in the L1 cache.
     */
    static final int BLOCK = 256;

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
     * Scores {@code itemRows.length} candidates of one user, {@value #BLOCK} at a time. Gives the
     * same floats as {@link #score} for each candidate (the sums run in the same order), but lays
     * the work out so that HotSpot's C2 vectorises it: every inner loop runs across candidates
     * (feature-major buffers) and updates one element per candidate, with no sum reduction (which
     * C2 does not vectorise for floats). Allocates its buffers once per call.
     *
     * @param featureMatrix raw features, one row of {@code featureCount()} values per candidate
     * @param userRow from {@link #userRow(String)}
     * @param itemRows the candidates' embedding rows
     * @param season sine and cosine of the day-of-year angle, shared by all candidates
     * @param scores receives one score per candidate
     */
    public void scoreBatch(
            float[] featureMatrix, int userRow, int[] itemRows, float[] season, float[] scores) {
        int width = Math.min(BLOCK, itemRows.length);
        float[][] z = new float[features][width];
        float[] activation = new float[width];
        float[] block = new float[width];

        for (int start = 0; start < itemRows.length; start += BLOCK) {
            int count = Math.min(BLOCK, itemRows.length - start);
            standardiseBlock(featureMatrix, start, count, z);
            denseBlock(z, count, activation, block);
            for (int c = 0; c < count; c++) {
                int itemRow = itemRows[start + c];
                float wideAndDeep = weights.outputBias() + block[c];
                scores[start + c] =
                        addCollaborativeAndSeason(wideAndDeep, userRow, itemRow, season);
            }
        }
    }

    /**
     * Standardises {@code count} candidates' features from row-major {@code featureMatrix}
     * (starting at candidate {@code start}) into feature-major {@code z}: feature k of block
     * candidate c at {@code z[k][c]}.
     */
    private void standardiseBlock(float[] featureMatrix, int start, int count, float[][] z) {
        for (int k = 0; k < features; k++) {
            float min = weights.featureMin()[k];
            float max = weights.featureMax()[k];
            float mean = weights.featureMean()[k];
            float inverse = inverseScale[k];
            int source = start * features + k;
            float[] row = z[k];
            for (int c = 0; c < count; c++) {
                float clipped = Math.min(Math.max(featureMatrix[source + c * features], min), max);
                row[c] = (clipped - mean) * inverse;
            }
        }
    }

    /**
     * The wide and deep parts for one block: {@code total[c] = linearKernel . z[c] + outputKernel .
     * relu(hiddenKernel^T z[c] + hiddenBias)}, summed in the order {@link #dense} sums them. One
     * hidden unit at a time, its activation for every candidate of the block is built by axpy loops
     * over the candidates ({@code activation[c] += w[k][h] * z[k][c]}, four features per pass so
     * that each activation is loaded and stored a quarter as often), then its rectified output is
     * added to the totals with one more axpy.
     */
    private void denseBlock(float[][] z, int count, float[] activation, float[] total) {
        Arrays.fill(total, 0, count, 0f);
        addWeightedFeatures(weights.linearKernel(), 0, z, total, count);

        for (int h = 0; h < hidden; h++) {
            Arrays.fill(activation, 0, count, weights.hiddenBias()[h]);
            addWeightedFeatures(hiddenKernelByUnit, h * features, z, activation, count);
            addRectified(weights.outputKernel()[h], activation, total, count);
        }
    }

    /**
     * {@code y[c] += sum over k of w[at + k] * z[k][c]}, adding the features in order k = 0, 1, ...
     * as {@link #dense} does.
     */
    private void addWeightedFeatures(float[] w, int at, float[][] z, float[] y, int count) {
        int k = 0;
        for (; k + 4 <= features; k += 4) {
            axpy4(w, at + k, z[k], z[k + 1], z[k + 2], z[k + 3], y, count);
        }
        for (; k < features; k++) {
            axpy(w[at + k], z[k], y, count);
        }
    }

    /** {@code y[c] += w[at] * z0[c] + ... + w[at + 3] * z3[c]}, added left to right. */
    private static void axpy4(
            float[] w,
            int at,
            float[] z0,
            float[] z1,
            float[] z2,
            float[] z3,
            float[] y,
            int count) {
        float w0 = w[at];
        float w1 = w[at + 1];
        float w2 = w[at + 2];
        float w3 = w[at + 3];
        for (int c = 0; c < count; c++) {
            float sum = y[c];
            sum += w0 * z0[c];
            sum += w1 * z1[c];
            sum += w2 * z2[c];
            sum += w3 * z3[c];
            y[c] = sum;
        }
    }

    /** {@code y[c] += a * x[c]} for the first {@code count} elements of {@code y}. */
    private static void axpy(float a, float[] x, float[] y, int count) {
        for (int c = 0; c < count; c++) {
            y[c] += a * x[c];
        }
    }

    /** {@code total[c] += weight * max(activation[c], 0)}: one hidden unit's ReLU output. */
    private static void addRectified(float weight, float[] activation, float[] total, int count) {
        for (int c = 0; c < count; c++) {
            total[c] += weight * Math.max(activation[c], 0f);
        }
    }

    /**
     * Adds the collaborative and the seasonal part of one candidate's score to {@code score}, the
     * wide and deep parts plus the output bias.
     */
    private float addCollaborativeAndSeason(float score, int userRow, int itemRow, float[] season) {
        score +=
                dot(weights.userEmbedding(), userRow * dim, weights.itemEmbedding(), itemRow * dim);
        int seasonRow = itemRow * RankingModelWeights.SEASON_WIDTH;
        for (int s = 0; s < RankingModelWeights.SEASON_WIDTH; s++) {
            score += weights.itemSeason()[seasonRow + s] * season[s];
        }
        return score;
    }

    private float score(
            float[] featureRow, int offset, int userRow, int itemRow, float[] season, float[] z) {
        for (int k = 0; k < features; k++) {
            z[k] = standardise(featureRow[offset + k], k);
        }

        return addCollaborativeAndSeason(weights.outputBias() + dense(z), userRow, itemRow, season);
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
