package io.solstice.train.model;

import io.solstice.model.RankingModelWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;

/**
 * A trained network still held in its TensorFlow session: its weights in the compact format, and a
 * way to write it as a SavedModel whose serving signature {@value
 * TensorFlowRankTrainer#SIGNATURE_KEY} takes {@code features}, {@code user}, {@code item} and
 * {@code season} and returns {@code score}.
 */
public final class TrainedRankingNetwork implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final Signature serving;
    private final RankingModelWeights weights;
    private final List<Float> validationLosses;

    TrainedRankingNetwork(
            Graph graph,
            Session session,
            Signature serving,
            RankingModelWeights weights,
            List<Float> validationLosses) {
        this.graph = graph;
        this.session = session;
        this.serving = serving;
        this.weights = weights;
        this.validationLosses = List.copyOf(validationLosses);
    }

    /** The learned parameters, for the plain-Java scorer. */
    public RankingModelWeights weights() {
        return weights;
    }

    /** Validation loss after each epoch that ran. */
    public List<Float> validationLosses() {
        return validationLosses;
    }

    /**
     * The epoch whose validation loss was lowest (1-based), i.e. the weights held; 0 when the
     * network was trained without a validation set.
     */
    public int bestEpoch() {
        int best = 0;
        for (int epoch = 1; epoch <= validationLosses.size(); epoch++) {
            if (best == 0 || validationLosses.get(epoch - 1) < validationLosses.get(best - 1)) {
                best = epoch;
            }
        }
        return best;
    }

    /** Writes a SavedModel (tag {@code serve}) into {@code directory}, which must not exist yet. */
    public void exportSavedModel(Path directory) {
        try {
            SavedModelBundle.exporter(directory.toString())
                    .withTags("serve")
                    .withFunction(SessionFunction.create(serving, session))
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the SavedModel to " + directory, e);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
