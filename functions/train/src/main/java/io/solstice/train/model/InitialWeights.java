package io.solstice.train.model;

import io.solstice.feature.TrainingExamples;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import java.util.Random;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Seeded starting values of the network: Glorot-uniform dense layers (Glorot and Bengio, 2010),
 * small Gaussian embeddings with the unknown row 0 at zero, and standardisation statistics measured
 * on the training rows.
 */
record InitialWeights(
        FloatNdArray featureMin,
        FloatNdArray featureMax,
        FloatNdArray featureMean,
        FloatNdArray featureScale,
        FloatNdArray hiddenKernel,
        FloatNdArray hiddenBias,
        FloatNdArray outputKernel,
        FloatNdArray linearKernel,
        FloatNdArray outputBias,
        FloatNdArray userEmbedding,
        FloatNdArray itemEmbedding,
        FloatNdArray itemSeason) {

    private static final float EMBEDDING_STDDEV = 0.01f;

    static InitialWeights of(TrainingExamples examples, RankingHyperparameters hp) {
        Random random = new Random(hp.seed());
        int features = examples.featureCount();
        int hidden = hp.hiddenWidth();
        int dim = hp.embeddingDim();
        float[][] moments = moments(examples);

        return new InitialWeights(
                vector(moments[2]),
                vector(moments[3]),
                vector(moments[0]),
                vector(moments[1]),
                matrix(glorot(random, features, hidden), features, hidden),
                vector(new float[hidden]),
                matrix(glorot(random, hidden, 1), hidden, 1),
                matrix(new float[features], features, 1),
                matrix(new float[1], 1, 1),
                embedding(random, examples.userIds().size() + 1, dim),
                embedding(random, examples.itemIds().size() + 1, dim),
                matrix(
                        new float
                                [(examples.itemIds().size() + 1)
                                        * RankingModelWeights.SEASON_WIDTH],
                        examples.itemIds().size() + 1,
                        RankingModelWeights.SEASON_WIDTH));
    }

    /**
     * Mean, standard deviation (1 where a feature is constant), minimum and maximum of each feature
     * column.
     */
    private static float[][] moments(TrainingExamples examples) {
        int features = examples.featureCount();
        int rows = examples.rowCount();
        double[] sum = new double[features];
        double[] sumSquares = new double[features];
        float[] min = new float[features];
        float[] max = new float[features];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        float[] values = examples.features();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < features; k++) {
                float v = values[r * features + k];
                sum[k] += v;
                sumSquares[k] += (double) v * v;
                min[k] = Math.min(min[k], v);
                max[k] = Math.max(max[k], v);
            }
        }

        float[] mean = new float[features];
        float[] scale = new float[features];
        for (int k = 0; k < features; k++) {
            double m = rows == 0 ? 0 : sum[k] / rows;
            double variance = rows == 0 ? 0 : sumSquares[k] / rows - m * m;
            mean[k] = (float) m;
            scale[k] = variance > 1e-12 ? (float) Math.sqrt(variance) : 1f;
        }
        if (rows == 0) {
            java.util.Arrays.fill(min, 0f);
            java.util.Arrays.fill(max, 0f);
        }
        return new float[][] {mean, scale, min, max};
    }

    private static float[] glorot(Random random, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[fanIn * fanOut];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return values;
    }

    private static FloatNdArray embedding(Random random, int rows, int dim) {
        float[] values = new float[rows * dim];
        for (int i = dim; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * EMBEDDING_STDDEV);
        }
        return matrix(values, rows, dim);
    }

    private static FloatNdArray vector(float[] values) {
        return NdArrays.wrap(Shape.of(values.length), DataBuffers.of(values, true, false));
    }

    private static FloatNdArray matrix(float[] values, int rows, int columns) {
        return NdArrays.wrap(Shape.of(rows, columns), DataBuffers.of(values, true, false));
    }
}
