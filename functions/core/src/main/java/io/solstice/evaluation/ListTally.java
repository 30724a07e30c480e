package io.solstice.evaluation;

import java.util.Arrays;
import java.util.BitSet;

/** Sums the scores of the top-K lists of one cutoff and mode, then averages them. */
final class ListTally {

    private final int k;
    private final OutOfSeasonRule outOfSeason;
    private final CutoffData data;
    private final BitSet recommended = new BitSet();
    private int users;
    private double precision;
    private double recall;
    private double f1;
    private double ndcg;
    private double averagePrecision;
    private double hits;
    private long listed;
    private long alreadyPurchased;
    private long outOfSeasonCount;

    ListTally(int k, OutOfSeasonRule outOfSeason, CutoffData data) {
        this.k = k;
        this.outOfSeason = outOfSeason;
        this.data = data;
    }

    /** Adds one user's first K items, scored against their relevant items (sorted). */
    void add(int user, int[] top, int[] relevant) {
        RankingMetrics.ListScore score =
                RankingMetrics.score(
                        top, k, item -> Arrays.binarySearch(relevant, item) >= 0, relevant.length);
        users++;
        precision += score.precision();
        recall += score.recall();
        f1 += score.f1();
        ndcg += score.ndcg();
        averagePrecision += score.averagePrecision();
        hits += score.hit();

        for (int item : top) {
            recommended.set(item);
            alreadyPurchased += data.pastItems.contains(user, item) ? 1 : 0;
            boolean flagged = outOfSeason != null && outOfSeason.isOutOfSeason(item, data.cutoff);
            outOfSeasonCount += flagged ? 1 : 0;
        }
        listed += top.length;
    }

    /** Means over users; rates over all listed items; NaN where there is nothing to divide. */
    MetricsAtK metrics() {
        return new MetricsAtK(
                k,
                precision / users,
                recall / users,
                f1 / users,
                ndcg / users,
                averagePrecision / users,
                hits / users,
                share(recommended.cardinality(), data.candidateCount),
                share(alreadyPurchased, listed),
                outOfSeason == null ? Double.NaN : share(outOfSeasonCount, listed));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
