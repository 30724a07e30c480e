package io.solstice.model;

import java.util.List;
import java.util.Map;

/**
 * Where a model came from and how good it is, stored beside it (Tribuo-style provenance).
 *
 * @param modelVersion unique, sortable version, e.g. {@code 20111210T061500Z-3f2a9c1}
 * @param createdAt ISO-8601 instant the training run finished
 * @param dataFrom first day of purchases used (yyyy-MM-dd)
 * @param dataTo last day of purchases used (yyyy-MM-dd)
 * @param eventsRead events read from the store
 * @param purchasesUsed clean purchases after the cleaning rules
 * @param hyperparameters how the network was trained (includes the seed)
 * @param trainingDates as-of dates the training examples were drawn at
 * @param validationDate as-of date of the validation window used for early stopping
 * @param codeVersion the Solstice build that trained it
 * @param device {@code CPU} or {@code GPU}, as chosen at start-up
 * @param featureNames dense features in input order
 * @param validationLosses validation loss after each epoch
 * @param metrics evaluation results by name (e.g. {@code all.ndcg@20.model}), may be empty
 */
public record ModelManifest(
        String modelVersion,
        String createdAt,
        String dataFrom,
        String dataTo,
        long eventsRead,
        long purchasesUsed,
        RankingHyperparameters hyperparameters,
        List<String> trainingDates,
        String validationDate,
        String codeVersion,
        String device,
        List<String> featureNames,
        List<Float> validationLosses,
        Map<String, Double> metrics) {}
