package io.solstice.evaluation.baseline;

import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.feature.DecayedHistory;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;

/**
 * The re-order baseline: the user's own past items, highest time-decayed weight first (see {@link
 * DecayedHistory}; a purchase line {@code age} days before the cutoff weighs {@code 2^(-age / 60)};
 * ties to the lower item id), then the recent-popularity list of {@link RecentPopularity} for the
 * remaining places. A frequency-recency ranking in the spirit of the "repeat buying" baselines of
 * next-basket recommendation (e.g. Hu et al. 2020, "Modeling personalized item frequency
 * information for next-basket recommendation"). See {@link BaselineSettings#protocol()}.
 */
public final class UserHistoryThenPopularity implements Recommender {

    private final BaselineSettings settings;

    public UserHistoryThenPopularity(BaselineSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "history-then-popularity";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        DecayedHistory decayed = settings.decay(history, cutoff);
        PopularityRanker popular =
                RecentPopularity.recentThenAllTime(history, cutoff, settings.popularityDays());
        return (user, country, k, excluded) -> {
            RankedList list = new RankedList(k, excluded);
            offerHistory(decayed, user, list);
            popular.fill(list);
            return list.toArray();
        };
    }

    /** Offers the user's past items, highest weight first, until the list is full. */
    static void offerHistory(DecayedHistory decayed, int user, RankedList list) {
        for (int position = 0; position < decayed.itemCount(user); position++) {
            if (list.offer(decayed.rankedItem(user, position))) {
                return;
            }
        }
    }
}
