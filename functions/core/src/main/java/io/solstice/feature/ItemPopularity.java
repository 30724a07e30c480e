package io.solstice.feature;

import io.solstice.history.PurchaseLog;
import io.solstice.history.Vocabulary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How many distinct users bought each item over a span of days: the popularity baseline of
 * recommender evaluations (e.g. Cremonesi, Koren &amp; Turrin 2010, "most popular").
 *
 * <p>Item indexes are those of the log's shared item vocabulary. {@link #ranking()} lists the items
 * with at least one buyer, most buyers first; ties go to the item with more purchase lines, then to
 * the lower item index (the item seen first in the log). Immutable and thread-safe.
 */
public final class ItemPopularity {

    private final int[] buyers;
    private final int[] lines;
    private final int[] ranking;

    private ItemPopularity(int[] buyers, int[] lines, Vocabulary items) {
        this.buyers = buyers;
        this.lines = lines;
        this.ranking = rank(buyers, items);
    }

    /** Distinct buyers of each item over every purchase in {@code log}. */
    public static ItemPopularity distinctBuyers(PurchaseLog log) {
        int itemCount = log.items().size();
        int[] lines = new int[itemCount];
        for (int row = 0; row < log.size(); row++) {
            lines[log.item(row)]++;
        }

        int[] buyers = new int[itemCount];
        UserItemSets sets = UserItemSets.of(log);
        for (int user = 0; user < sets.userCount(); user++) {
            for (int i = 0; i < sets.size(user); i++) {
                buyers[sets.item(user, i)]++;
            }
        }
        return new ItemPopularity(buyers, lines, log.items());
    }

    /**
     * Distinct buyers of each item over the {@code days} days before {@code cutoff} (the days
     * {@code [cutoff - days, cutoff)}), e.g. 28 for "popular over the last four weeks".
     */
    public static ItemPopularity distinctBuyers(PurchaseLog history, LocalDate cutoff, int days) {
        return distinctBuyers(history.between(cutoff.minusDays(days), cutoff));
    }

    /** Distinct buyers of {@code item}; 0 for an item not bought in the span. */
    public int buyers(int item) {
        return item >= 0 && item < buyers.length ? buyers[item] : 0;
    }

    /** Purchase lines of {@code item} in the span. */
    public int lines(int item) {
        return item >= 0 && item < lines.length ? lines[item] : 0;
    }

    /** Items with at least one buyer, most popular first; a new array each call. */
    public int[] ranking() {
        return ranking.clone();
    }

    /** The item at {@code position} (0-based) of {@link #ranking()}, without copying. */
    public int rankedItem(int position) {
        return ranking[position];
    }

    /** Number of items with at least one buyer. */
    public int rankedCount() {
        return ranking.length;
    }

    private static int[] rank(int[] buyers, Vocabulary items) {
        return IntStream.range(0, buyers.length)
                .filter(item -> buyers[item] > 0)
                .boxed()
                .sorted(
                        Comparator.<Integer>comparingInt(item -> -buyers[item])
                                .thenComparing(items::nameOf))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
