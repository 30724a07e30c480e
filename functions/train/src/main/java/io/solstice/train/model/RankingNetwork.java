package io.solstice.train.model;

import io.solstice.model.RankingModelWeights;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The variables of the ranking network in a TensorFlow graph, and the scoring expression built on
 * them. The formula is documented on {@link RankingModelWeights}; the plain-Java {@link
 * io.solstice.score.ModelScorer} computes the same.
 */
final class RankingNetwork {

    final Operand<TFloat32> featureMin;
    final Operand<TFloat32> featureMax;
    final Operand<TFloat32> featureMean;
    final Operand<TFloat32> featureScale;
    final Variable<TFloat32> hiddenKernel;
    final Variable<TFloat32> hiddenBias;
    final Variable<TFloat32> outputKernel;
    final Variable<TFloat32> linearKernel;
    final Variable<TFloat32> outputBias;
    final Variable<TFloat32> userEmbedding;
    final Variable<TFloat32> itemEmbedding;
    final Variable<TFloat32> itemSeason;

    private final List<Variable<TFloat32>> variables;
    private final List<Placeholder<TFloat32>> restoreValues = new ArrayList<>();
    private final List<Op> restoreOps = new ArrayList<>();

    RankingNetwork(Ops tf, InitialWeights initial) {
        featureMin = tf.withName("feature_min").constant(initial.featureMin());
        featureMax = tf.withName("feature_max").constant(initial.featureMax());
        featureMean = tf.withName("feature_mean").constant(initial.featureMean());
        featureScale = tf.withName("feature_scale").constant(initial.featureScale());
        hiddenKernel = tf.withName("hidden_kernel").variable(tf.constant(initial.hiddenKernel()));
        hiddenBias = tf.withName("hidden_bias").variable(tf.constant(initial.hiddenBias()));
        outputKernel = tf.withName("output_kernel").variable(tf.constant(initial.outputKernel()));
        linearKernel = tf.withName("linear_kernel").variable(tf.constant(initial.linearKernel()));
        outputBias = tf.withName("output_bias").variable(tf.constant(initial.outputBias()));
        userEmbedding =
                tf.withName("user_embedding").variable(tf.constant(initial.userEmbedding()));
        itemEmbedding =
                tf.withName("item_embedding").variable(tf.constant(initial.itemEmbedding()));
        itemSeason = tf.withName("item_season").variable(tf.constant(initial.itemSeason()));

        variables =
                List.of(
                        hiddenKernel,
                        hiddenBias,
                        outputKernel,
                        linearKernel,
                        outputBias,
                        userEmbedding,
                        itemEmbedding,
                        itemSeason);
        for (Variable<TFloat32> variable : variables) {
            Placeholder<TFloat32> value = tf.placeholder(TFloat32.class);
            restoreValues.add(value);
            restoreOps.add(tf.assign(variable, value));
        }
    }

    /** The trainable variables, in a fixed order. */
    List<Variable<TFloat32>> variables() {
        return variables;
    }

    /** Sets every trainable variable to the given values (same order as {@link #variables()}). */
    void restore(Session session, List<TFloat32> values) {
        Session.Runner runner = session.runner();
        for (int i = 0; i < variables.size(); i++) {
            runner.feed(restoreValues.get(i), values.get(i)).addTarget(restoreOps.get(i));
        }
        runner.run();
    }

    /** Inputs of one scoring branch. */
    record Inputs(
            Placeholder<TFloat32> features,
            Placeholder<TInt32> users,
            Placeholder<TInt32> items,
            Placeholder<TFloat32> season) {

        static Inputs create(Ops tf, String prefix, int featureCount) {
            return new Inputs(
                    tf.withName(prefix + "features")
                            .placeholder(
                                    TFloat32.class,
                                    Placeholder.shape(
                                            org.tensorflow.ndarray.Shape.of(-1, featureCount))),
                    tf.withName(prefix + "user")
                            .placeholder(
                                    TInt32.class,
                                    Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1))),
                    tf.withName(prefix + "item")
                            .placeholder(
                                    TInt32.class,
                                    Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1))),
                    tf.withName(prefix + "season")
                            .placeholder(
                                    TFloat32.class,
                                    Placeholder.shape(
                                            org.tensorflow.ndarray.Shape.of(
                                                    -1, RankingModelWeights.SEASON_WIDTH))));
        }
    }

    /** The score of each row of {@code inputs}, shape {@code [rows]}. */
    Operand<TFloat32> score(Ops tf, Inputs inputs) {
        Operand<TFloat32> clipped =
                tf.math.minimum(tf.math.maximum(inputs.features(), featureMin), featureMax);
        Operand<TFloat32> z = tf.math.div(tf.math.sub(clipped, featureMean), featureScale);

        Operand<TFloat32> hidden =
                tf.nn.relu(tf.math.add(tf.linalg.matMul(z, hiddenKernel), hiddenBias));
        Operand<TFloat32> deep = tf.linalg.matMul(hidden, outputKernel);
        Operand<TFloat32> wide = tf.linalg.matMul(z, linearKernel);
        Operand<TFloat32> dense = flatten(tf, tf.math.add(tf.math.add(deep, wide), outputBias));

        Operand<TFloat32> userVectors = tf.gather(userEmbedding, inputs.users(), tf.constant(0));
        Operand<TFloat32> itemVectors = tf.gather(itemEmbedding, inputs.items(), tf.constant(0));
        Operand<TFloat32> collaborative = rowDot(tf, userVectors, itemVectors);

        Operand<TFloat32> seasonVectors = tf.gather(itemSeason, inputs.items(), tf.constant(0));
        Operand<TFloat32> seasonal = rowDot(tf, seasonVectors, inputs.season());

        return tf.math.add(tf.math.add(dense, collaborative), seasonal);
    }

    /** Sum of squares of the embedding and season rows a branch touches, for the L2 penalty. */
    Operand<TFloat32> penalty(Ops tf, Inputs inputs) {
        Operand<TFloat32> users = tf.gather(userEmbedding, inputs.users(), tf.constant(0));
        Operand<TFloat32> items = tf.gather(itemEmbedding, inputs.items(), tf.constant(0));
        Operand<TFloat32> seasons = tf.gather(itemSeason, inputs.items(), tf.constant(0));
        return tf.math.add(
                tf.math.add(sumOfSquares(tf, users), sumOfSquares(tf, items)),
                sumOfSquares(tf, seasons));
    }

    private static Operand<TFloat32> rowDot(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.reduceSum(tf.math.mul(a, b), tf.constant(1));
    }

    private static Operand<TFloat32> sumOfSquares(Ops tf, Operand<TFloat32> x) {
        return tf.reduceSum(tf.math.square(x), tf.constant(new int[] {0, 1}));
    }

    private static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> x) {
        return tf.reshape(x, tf.constant(new int[] {-1}));
    }
}
