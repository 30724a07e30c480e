package io.solstice.feature;

import java.util.List;

/**
 * Candidate rows grouped for sampled-softmax training: each group is one bought item and {@link
 * #negativesPerPositive()} items drawn from a known sampling distribution.
 *
 * <p>Row {@code r} is one (shopper, candidate item, as-of date) triple: its raw features are {@code
 * features[r * featureCount() ... + featureCount())}, its embedding rows are {@code userRows[r]}
 * and {@code itemRows[r]} (0 means unknown) and its time-of-year encoding is {@code season[2r],
 * season[2r + 1]}. Group {@code g} says that row {@code positives[g]} was bought in the label
 * window and rows {@code negatives[g * M + j]} were drawn for comparison, each with {@code
 * logCorrections[g * M + j] = log(M · q)}, {@code q} being the probability of drawing that item;
 * subtracting it from the drawn item's score makes the sampled softmax an unbiased estimate of the
 * softmax over the whole catalogue (the "logQ correction" of Bengio and Senécal, 2008).
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
        int negativesPerPositive,
        int[] positives,
        int[] negatives,
        float[] logCorrections) {

    public TrainingExamples {
        if (negatives.length != positives.length * negativesPerPositive
                || logCorrections.length != negatives.length) {
            throw new IllegalArgumentException(
                    "expected "
                            + negativesPerPositive
                            + " negatives and corrections per positive, got "
                            + negatives.length
                            + " and "
                            + logCorrections.length
                            + " for "
                            + positives.length
                            + " positives");
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

    /** Number of bought items, each the head of one group. */
    public int groupCount() {
        return positives.length;
    }
}
