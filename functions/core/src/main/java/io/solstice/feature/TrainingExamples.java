package io.solstice.feature;

import java.util.List;

/**
 * Candidate rows and the (bought, not bought) pairs drawn from them, ready for pairwise training.
 *
 * <p>Row {@code r} is one (shopper, candidate item, as-of date) triple: its raw features are {@code
 * features[r * featureCount() ... + featureCount())}, its embedding rows are {@code userRows[r]}
 * and {@code itemRows[r]} (0 means unknown) and its time-of-year encoding is {@code season[2r],
 * season[2r + 1]}. Pair {@code p} says that row {@code positives[p]} was bought in the label window
 * and row {@code negatives[p]} was not, by the same shopper at the same as-of date.
 *
 * @param featureNames names of the dense features, in column order
 * @param userIds user id of embedding row {@code r + 1}
 * @param itemIds item id of embedding row {@code r + 1}
 */
public record TrainingExamples(
        List<String> featureNames,
        List<String> userIds,
        List<String> itemIds,
        float[] features,
        int[] userRows,
        int[] itemRows,
        float[] season,
        int[] positives,
        int[] negatives) {

    public TrainingExamples {
        if (positives.length != negatives.length) {
            throw new IllegalArgumentException(
                    "positives and negatives differ in length: "
                            + positives.length
                            + " vs "
                            + negatives.length);
        }
        if (features.length != userRows.length * featureNames.size()) {
            throw new IllegalArgumentException(
                    "features: expected " + userRows.length * featureNames.size() + " values");
        }
    }

    public int featureCount() {
        return featureNames.size();
    }

    public int rowCount() {
        return userRows.length;
    }

    public int pairCount() {
        return positives.length;
    }
}
