package io.solstice.benchmark;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ShopperHistory;
import io.solstice.score.ModelScorer;
import io.solstice.train.model.TensorFlowRankTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The reference path the rank function does not take: the same candidate features, scored by the
 * exported SavedModel on DJL's TensorFlow engine, then the top k. Only ids are looked up in the
 * plain-Java model (embedding rows); no reasons are computed. One request at a time.
 */
final class DjlRanker implements AutoCloseable {

    private final CandidateFeatures features;
    private final ModelScorer ids;
    private final int[] modelItemRows;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    /**
     * @param savedModel folder of the SavedModel exported by {@link TensorFlowRankTrainer}
     * @param ids the same network's weights, for the user and item rows of the embeddings
     */
    DjlRanker(Path savedModel, ModelScorer ids, CandidateFeatures features) {
        this.features = features;
        this.ids = ids;
        this.model = load(savedModel);
        this.predictor = model.newPredictor();
        this.modelItemRows = new int[features.signals().itemCount()];
        for (int item = 0; item < modelItemRows.length; item++) {
            modelItemRows[item] = ids.itemRow(features.signals().itemIds().get(item));
        }
    }

    /** Item indexes of the best {@code k} candidates, best first. */
    int[] rank(
            String userId,
            ShopperHistory shopper,
            CandidateFeatures.Context context,
            int[] candidates,
            int k) {
        float[] rows = new float[candidates.length * CandidateFeatures.COUNT];
        features.fill(shopper, context, candidates, rows);
        float[] scores = score(userId, candidates, rows, context.season());

        int[] best = topK(scores, k);
        for (int i = 0; i < best.length; i++) {
            best[i] = candidates[best[i]];
        }
        return best;
    }

    private float[] score(String userId, int[] candidates, float[] rows, float[] season) {
        int n = candidates.length;
        int[] users = new int[n];
        Arrays.fill(users, ids.userRow(userId));
        int[] items = new int[n];
        float[] seasons = new float[2 * n];
        for (int c = 0; c < n; c++) {
            items[c] = modelItemRows[candidates[c]];
            seasons[2 * c] = season[0];
            seasons[2 * c + 1] = season[1];
        }

        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList inputs =
                    new NDList(
                            named(
                                    manager.create(rows, new Shape(n, CandidateFeatures.COUNT)),
                                    "features"),
                            named(manager.create(users, new Shape(n)), "user"),
                            named(manager.create(items, new Shape(n)), "item"),
                            named(manager.create(seasons, new Shape(n, 2)), "season"));
            return predictor.predict(inputs).get(0).toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("DJL scoring failed for " + n + " candidates", e);
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    /** Positions of the {@code k} highest scores, best first. */
    private static int[] topK(float[] scores, int k) {
        PriorityQueue<Integer> heap =
                new PriorityQueue<>((a, b) -> Float.compare(scores[a], scores[b]));
        for (int p = 0; p < scores.length; p++) {
            if (heap.size() < k) {
                heap.add(p);
            } else if (scores[p] > scores[heap.peek()]) {
                heap.poll();
                heap.add(p);
            }
        }
        int[] best = new int[heap.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = heap.poll();
        }
        return best;
    }

    private static ZooModel<NDList, NDList> load(Path savedModel) {
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(savedModel)
                        .optEngine("TensorFlow")
                        .optOption("SignatureDefKey", TensorFlowRankTrainer.SIGNATURE_KEY)
                        .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException(
                    "cannot load the SavedModel at "
                            + savedModel
                            + " with DJL's TensorFlow engine (TENSORFLOW_LIBRARY_PATH set?)",
                    e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
