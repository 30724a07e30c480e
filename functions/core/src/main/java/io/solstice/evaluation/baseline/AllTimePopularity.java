package io.solstice.evaluation.baseline;

import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.feature.ItemPopularity;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;

/**
 * Recommends the same list to everyone: the items with the most distinct buyers over the whole
 * history ("most popular", Cremonesi, Koren &amp; Turrin 2010). Ties: see {@link ItemPopularity}.
 */
public final class AllTimePopularity implements Recommender {

    @Override
    public String name() {
        return "popularity-all-time";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        ItemPopularity allTime = ItemPopularity.distinctBuyers(history);
        PopularityRanker popular = new PopularityRanker(allTime, allTime);
        return (user, country, k, excluded) -> {
            RankedList list = new RankedList(k, excluded);
            popular.fill(list);
            return list.toArray();
        };
    }
}
