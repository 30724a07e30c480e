package io.solstice.evaluation.baseline;

import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.feature.ItemPopularity;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;

/**
 * Recommends the same list to everyone: the items with the most distinct buyers over the last
 * {@code days} days before the cutoff, then (for items nobody bought in that span) by all-time
 * distinct buyers. Ties: see {@link ItemPopularity}.
 */
public final class RecentPopularity implements Recommender {

    private final int days;

    /**
     * @param days length of the popularity span before the cutoff, in days (28 in the protocol)
     */
    public RecentPopularity(int days) {
        this.days = days;
    }

    @Override
    public String name() {
        return "popularity-last-" + days + "-days";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        PopularityRanker popular = recentThenAllTime(history, cutoff, days);
        return (user, country, k, excluded) -> {
            RankedList list = new RankedList(k, excluded);
            popular.fill(list);
            return list.toArray();
        };
    }

    /** Recent distinct buyers first, all-time distinct buyers for the rest. */
    static PopularityRanker recentThenAllTime(PurchaseLog history, LocalDate cutoff, int days) {
        return new PopularityRanker(
                ItemPopularity.distinctBuyers(history, cutoff, days),
                ItemPopularity.distinctBuyers(history));
    }
}
