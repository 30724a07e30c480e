package io.solstice.evaluation.baseline;

import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.feature.DecayedHistory;
import io.solstice.feature.ItemSimilarity;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.function.IntPredicate;

/**
 * Item-based collaborative filtering (Sarwar, Karypis, Konstan &amp; Riedl 2001) over the user's
 * time-decayed history: {@code score(j) = Σ_i w(i) · sim(i, j)} over every item {@code i} the user
 * bought, with {@code w} the {@link DecayedHistory} weight and {@code sim} the {@link
 * ItemSimilarity cosine over buyer sets}. Items are listed by score (ties: lower index), then the
 * recent-popularity list fills the remaining places.
 *
 * <p>As the history-then-kNN variant ({@link #historyFirst}), the user's own items come first by
 * decayed weight, and the kNN list fills the places left.
 */
public final class ItemKnn implements Recommender {

    private final BaselineSettings settings;
    private final boolean historyFirst;

    private ItemKnn(BaselineSettings settings, boolean historyFirst) {
        this.settings = settings;
        this.historyFirst = historyFirst;
    }

    /** Item-kNN from the decayed history. */
    public static ItemKnn fromHistory(BaselineSettings settings) {
        return new ItemKnn(settings, false);
    }

    /** The user's own items first, then item-kNN. */
    public static ItemKnn historyFirst(BaselineSettings settings) {
        return new ItemKnn(settings, true);
    }

    @Override
    public String name() {
        return historyFirst ? "history-then-item-knn" : "item-knn";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        DecayedHistory decayed = settings.decay(history, cutoff);
        ItemSimilarity similarity = similarity(history);
        PopularityRanker popular =
                RecentPopularity.recentThenAllTime(history, cutoff, settings.popularityDays());
        return (user, country, k, excluded) -> {
            RankedList list = new RankedList(k, excluded);
            if (historyFirst) {
                UserHistoryThenPopularity.offerHistory(decayed, user, list);
            }
            offerNeighbours(decayed, similarity, user, list, excluded);
            popular.fill(list);
            return list.toArray();
        };
    }

    private ItemSimilarity similarity(PurchaseLog history) {
        ItemSimilarity all = ItemSimilarity.cosineOverBuyers(history);
        return settings.neighbours() > 0 ? all.keepTopNeighbours(settings.neighbours()) : all;
    }

    private void offerNeighbours(
            DecayedHistory decayed,
            ItemSimilarity similarity,
            int user,
            RankedList list,
            IntPredicate excluded) {
        if (list.isFull()) {
            return;
        }
        double[] scores = scores(decayed, similarity, user);
        IntPredicate skip = item -> excluded.test(item) || list.contains(item);
        for (int item : TopScores.select(scores, list.remaining(), skip)) {
            if (list.offer(item)) {
                return;
            }
        }
    }

    /** {@code Σ_i w(i) · sim(i, j)} for every item j, over the user's past items i. */
    private double[] scores(DecayedHistory decayed, ItemSimilarity similarity, int user) {
        double[] scores = new double[similarity.itemCount()];
        for (int position = 0; position < decayed.itemCount(user); position++) {
            int item = decayed.rankedItem(user, position);
            double weight = decayed.weight(user, item);
            similarity.addNeighbourScores(item, weight, scores);
            if (settings.selfSimilarity()) {
                scores[item] += weight;
            }
        }
        return scores;
    }
}
