package io.solstice.evaluation;

import java.util.function.IntPredicate;

/**
 * Top-K accuracy of one ranked list against the set of items the user then bought, with binary
 * relevance. Only the first {@code k} entries count; a shorter list is scored as if padded with
 * misses.
 *
 * <ul>
 *   <li>Precision@K: hits / K.
 *   <li>Recall@K: hits / |relevant|.
 *   <li>F1@K: the harmonic mean of the two (0 when both are 0).
 *   <li>NDCG@K (Järvelin &amp; Kekäläinen 2002): DCG = Σ over hit ranks r (1-based) of 1 / log2(r +
 *       1), divided by the DCG of an ideal list with min(K, |relevant|) hits at the top.
 *   <li>AP@K: Σ over hit ranks r of Precision@r, divided by min(K, |relevant|); its mean over users
 *       is MAP@K (as in Manning, Raghavan &amp; Schütze 2008, cut at K).
 *   <li>Hit@K: 1 when at least one of the first K items is relevant.
 * </ul>
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** The scores of one list. Each value is in [0, 1]. */
    public record ListScore(
            double precision,
            double recall,
            double f1,
            double ndcg,
            double averagePrecision,
            double hit) {}

    /**
     * Scores the first {@code k} entries of {@code ranked}.
     *
     * @param ranked item indexes, best first
     * @param k the cut-off rank K
     * @param relevant whether an item is relevant
     * @param relevantCount how many relevant items there are; must be positive
     */
    public static ListScore score(int[] ranked, int k, IntPredicate relevant, int relevantCount) {
        if (relevantCount < 1) {
            throw new IllegalArgumentException(
                    "relevantCount must be positive, was " + relevantCount);
        }
        int depth = Math.min(k, ranked.length);
        int hits = 0;
        double dcg = 0;
        double precisionSum = 0;
        for (int position = 0; position < depth; position++) {
            if (relevant.test(ranked[position])) {
                hits++;
                dcg += discount(position + 1);
                precisionSum += (double) hits / (position + 1);
            }
        }
        return toScore(hits, k, relevantCount, dcg, precisionSum);
    }

    private static ListScore toScore(
            int hits, int k, int relevantCount, double dcg, double precisionSum) {
        double precision = (double) hits / k;
        double recall = (double) hits / relevantCount;
        double f1 = hits == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int idealHits = Math.min(k, relevantCount);
        double ndcg = dcg / idealDcg(idealHits);
        double averagePrecision = precisionSum / idealHits;
        return new ListScore(precision, recall, f1, ndcg, averagePrecision, hits > 0 ? 1 : 0);
    }

    /** The log2 discount of a 1-based rank: 1 / log2(rank + 1). */
    public static double discount(int rank) {
        return 1 / (Math.log(rank + 1) / Math.log(2));
    }

    /** The DCG of a list whose first {@code hits} entries are relevant. */
    public static double idealDcg(int hits) {
        double dcg = 0;
        for (int rank = 1; rank <= hits; rank++) {
            dcg += discount(rank);
        }
        return dcg;
    }
}
