package io.solstice.train.model;

import io.solstice.feature.TrainingExamples;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains the ranking network with TensorFlow Java using a sampled softmax over the catalogue with
 * the logQ correction (Bengio and Senécal, 2008; Yi et al., 2019): for each bought item, {@code
 * -log(exp(s+) / (exp(s+) + Σ_j exp(s_j - log(M q_j))))} over M drawn items, which estimates the
 * full-catalogue softmax without bias whatever the sampling mixture. Adam, fixed seed, and early
 * stopping on the loss of a later, time-based validation window.
 */
public final class TensorFlowRankTrainer {

    /** The key of the serving signature in the SavedModel. */
    public static final String SIGNATURE_KEY = "rank";

    private static final Logger LOG = Logger.getLogger(TensorFlowRankTrainer.class);

    private final RankingHyperparameters hyperparameters;

    public TensorFlowRankTrainer(RankingHyperparameters hyperparameters) {
        this.hyperparameters = hyperparameters;
    }

    /**
     * Trains on {@code training}, stopping when the loss on {@code validation} stops improving, and
     * returns the network with the best validation loss.
     */
    public TrainedRankingNetwork train(TrainingExamples training, TrainingExamples validation) {
        return trainWith(
                training,
                (session, graph, network) -> fit(session, graph, network, training, validation));
    }

    /**
     * Trains on {@code training} for exactly {@code epochs} epochs with no validation set: the
     * refit on all labelled data once {@link #train} has chosen the number of epochs.
     */
    public TrainedRankingNetwork trainForEpochs(TrainingExamples training, int epochs) {
        return trainWith(
                training,
                (session, graph, network) -> {
                    Random random = new Random(hyperparameters.seed());
                    int[] order = identity(training.groupCount());
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long started = System.nanoTime();
                        shuffle(order, random);
                        float loss = runEpoch(session, graph, training, order, true);
                        LOG.infof(
                                "refit_epoch=%d training_loss=%.5f groups=%d seconds=%.1f",
                                epoch,
                                loss,
                                training.groupCount(),
                                (System.nanoTime() - started) / 1e9);
                    }
                    return List.of();
                });
    }

    /** How the variables of a freshly initialised network are fitted; returns validation losses. */
    private interface Fitting {
        List<Float> fit(Session session, TrainingGraph graph, RankingNetwork network);
    }

    private TrainedRankingNetwork trainWith(TrainingExamples training, Fitting fitting) {
        Graph graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            RankingNetwork network =
                    new RankingNetwork(tf, InitialWeights.of(training, hyperparameters));
            TrainingGraph trainingGraph = buildTrainingGraph(tf, graph, network, training);
            Signature serving = buildServingSignature(tf, network, training.featureCount());
            Session session = new Session(graph);
            session.initialize();

            List<Float> losses = fitting.fit(session, trainingGraph, network);
            return new TrainedRankingNetwork(
                    graph, session, serving, weightsOf(session, network, training), losses);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private record TrainingGraph(
            RankingNetwork.Inputs positive,
            RankingNetwork.Inputs negative,
            org.tensorflow.op.core.Placeholder<TFloat32> corrections,
            Operand<TFloat32> loss,
            Op minimize) {}

    private TrainingGraph buildTrainingGraph(
            Ops tf, Graph graph, RankingNetwork network, TrainingExamples examples) {
        RankingNetwork.Inputs positive =
                RankingNetwork.Inputs.create(tf, "positive_", examples.featureCount());
        RankingNetwork.Inputs negative =
                RankingNetwork.Inputs.create(tf, "negative_", examples.featureCount());

        org.tensorflow.op.core.Placeholder<TFloat32> corrections =
                tf.withName("log_corrections")
                        .placeholder(
                                TFloat32.class,
                                org.tensorflow.op.core.Placeholder.shape(
                                        Shape.of(-1, examples.negativesPerPositive())));

        Operand<TFloat32> bought = network.score(tf, positive);
        Operand<TFloat32> drawn =
                tf.math.sub(
                        tf.reshape(
                                network.score(tf, negative),
                                tf.constant(new int[] {-1, examples.negativesPerPositive()})),
                        corrections);
        Operand<TFloat32> softmaxLoss =
                tf.math.mean(sampledSoftmax(tf, bought, drawn), tf.constant(0));

        Operand<TFloat32> groups = tf.dtypes.cast(tf.size(bought), TFloat32.class);
        Operand<TFloat32> penalty =
                tf.math.div(
                        tf.math.add(network.penalty(tf, positive), network.penalty(tf, negative)),
                        groups);
        Operand<TFloat32> loss =
                tf.withName("loss")
                        .math
                        .add(softmaxLoss, tf.math.mul(tf.constant(hyperparameters.l2()), penalty));

        Op minimize = new Adam(graph, hyperparameters.learningRate()).minimize(loss);
        return new TrainingGraph(positive, negative, corrections, loss, minimize);
    }

    /**
     * {@code logsumexp(bought, drawn...) - bought} per group, computed stably: the running maximum
     * is held constant for the gradient, which does not change the value.
     */
    private static Operand<TFloat32> sampledSoftmax(
            Ops tf, Operand<TFloat32> bought, Operand<TFloat32> drawn) {
        Operand<TFloat32> max =
                tf.stopGradient(tf.math.maximum(bought, tf.max(drawn, tf.constant(1))));
        Operand<TFloat32> boughtShifted = tf.math.exp(tf.math.sub(bought, max));
        Operand<TFloat32> drawnShifted =
                tf.reduceSum(
                        tf.math.exp(
                                tf.math.sub(
                                        drawn, tf.reshape(max, tf.constant(new int[] {-1, 1})))),
                        tf.constant(1));
        Operand<TFloat32> logSumExp =
                tf.math.add(max, tf.math.log(tf.math.add(boughtShifted, drawnShifted)));
        return tf.math.sub(logSumExp, bought);
    }

    private static Signature buildServingSignature(Ops tf, RankingNetwork network, int features) {
        RankingNetwork.Inputs inputs = RankingNetwork.Inputs.create(tf, "serving_", features);
        Operand<TFloat32> score = tf.withName("score").identity(network.score(tf, inputs));
        return Signature.builder()
                .key(SIGNATURE_KEY)
                .input("features", inputs.features())
                .input("user", inputs.users())
                .input("item", inputs.items())
                .input("season", inputs.season())
                .output("score", score)
                .build();
    }

    private List<Float> fit(
            Session session,
            TrainingGraph graph,
            RankingNetwork network,
            TrainingExamples training,
            TrainingExamples validation) {
        Random random = new Random(hyperparameters.seed());
        int[] order = identity(training.groupCount());
        List<Float> validationLosses = new ArrayList<>();
        Snapshot best = null;
        int epochsWithoutGain = 0;

        for (int epoch = 1; epoch <= hyperparameters.maxEpochs(); epoch++) {
            long started = System.nanoTime();
            shuffle(order, random);
            float trainingLoss = runEpoch(session, graph, training, order, true);
            float validationLoss =
                    runEpoch(session, graph, validation, identity(validation.groupCount()), false);
            validationLosses.add(validationLoss);
            LOG.infof(
                    "epoch=%d training_loss=%.5f validation_loss=%.5f groups=%d seconds=%.1f",
                    epoch,
                    trainingLoss,
                    validationLoss,
                    training.groupCount(),
                    (System.nanoTime() - started) / 1e9);

            if (best == null || validationLoss < best.validationLoss()) {
                best = Snapshot.take(session, network, validationLoss, epoch);
                epochsWithoutGain = 0;
            } else if (++epochsWithoutGain >= hyperparameters.patience()) {
                LOG.infof("early_stop epoch=%d best_epoch=%d", epoch, best.epoch());
                break;
            }
        }
        if (best != null) {
            best.restore(session, network);
        }
        return validationLosses;
    }

    /** Mean loss over the groups in {@code order}; one optimiser step per batch when training. */
    private float runEpoch(
            Session session,
            TrainingGraph graph,
            TrainingExamples examples,
            int[] order,
            boolean train) {
        int batch = hyperparameters.batchSize();
        double weightedLoss = 0;
        for (int start = 0; start < order.length; start += batch) {
            int end = Math.min(order.length, start + batch);
            int[] groups = java.util.Arrays.copyOfRange(order, start, end);
            weightedLoss += (end - start) * runBatch(session, graph, examples, groups, train);
        }
        return order.length == 0 ? Float.NaN : (float) (weightedLoss / order.length);
    }

    private static float runBatch(
            Session session,
            TrainingGraph graph,
            TrainingExamples examples,
            int[] groups,
            boolean train) {
        int m = examples.negativesPerPositive();
        int[] positives = new int[groups.length];
        int[] negatives = new int[groups.length * m];
        float[] corrections = new float[groups.length * m];
        for (int i = 0; i < groups.length; i++) {
            positives[i] = examples.positives()[groups[i]];
            System.arraycopy(examples.negatives(), groups[i] * m, negatives, i * m, m);
            System.arraycopy(examples.logCorrections(), groups[i] * m, corrections, i * m, m);
        }
        try (BatchTensors pos = BatchTensors.of(examples, positives);
                BatchTensors neg = BatchTensors.of(examples, negatives);
                TFloat32 correction =
                        TFloat32.tensorOf(
                                Shape.of(groups.length, m), DataBuffers.of(corrections))) {
            Session.Runner runner = session.runner();
            pos.feed(runner, graph.positive());
            neg.feed(runner, graph.negative());
            runner.feed(graph.corrections(), correction);
            if (train) {
                runner.addTarget(graph.minimize());
            }
            try (TFloat32 loss = (TFloat32) runner.fetch(graph.loss()).run().get(0)) {
                return loss.getFloat();
            }
        }
    }

    private static int[] identity(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private RankingModelWeights weightsOf(
            Session session, RankingNetwork network, TrainingExamples examples) {
        Snapshot values = Snapshot.take(session, network, Float.NaN, 0);
        return new RankingModelWeights(
                examples.featureNames(),
                Snapshot.fetch(session, network.featureMin),
                Snapshot.fetch(session, network.featureMax),
                Snapshot.fetch(session, network.featureMean),
                Snapshot.fetch(session, network.featureScale),
                values.hiddenKernel(),
                values.hiddenBias(),
                values.outputKernel(),
                values.linearKernel(),
                values.outputBias()[0],
                hyperparameters.embeddingDim(),
                examples.userIds(),
                examples.itemIds(),
                values.userEmbedding(),
                values.itemEmbedding(),
                values.itemSeason());
    }

    /** The rows of one batch as tensors: features, users, items, season. */
    private record BatchTensors(TFloat32 features, TInt32 users, TInt32 items, TFloat32 season)
            implements AutoCloseable {

        static BatchTensors of(TrainingExamples examples, int[] rows) {
            int f = examples.featureCount();
            int s = RankingModelWeights.SEASON_WIDTH;
            float[] features = new float[rows.length * f];
            int[] users = new int[rows.length];
            int[] items = new int[rows.length];
            float[] season = new float[rows.length * s];
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i];
                System.arraycopy(examples.features(), r * f, features, i * f, f);
                users[i] = examples.userRows()[r];
                items[i] = examples.itemRows()[r];
                System.arraycopy(examples.season(), r * s, season, i * s, s);
            }
            return new BatchTensors(
                    TFloat32.tensorOf(Shape.of(rows.length, f), DataBuffers.of(features)),
                    TInt32.tensorOf(Shape.of(rows.length), DataBuffers.of(users)),
                    TInt32.tensorOf(Shape.of(rows.length), DataBuffers.of(items)),
                    TFloat32.tensorOf(Shape.of(rows.length, s), DataBuffers.of(season)));
        }

        void feed(Session.Runner runner, RankingNetwork.Inputs inputs) {
            runner.feed(inputs.features(), features)
                    .feed(inputs.users(), users)
                    .feed(inputs.items(), items)
                    .feed(inputs.season(), season);
        }

        @Override
        public void close() {
            features.close();
            users.close();
            items.close();
            season.close();
        }
    }
}
