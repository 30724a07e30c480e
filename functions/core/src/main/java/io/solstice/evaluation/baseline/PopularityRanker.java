package io.solstice.evaluation.baseline;

import io.solstice.feature.ItemPopularity;

/** Fills a list from a popularity ranking, then from a fallback ranking. Thread-safe. */
final class PopularityRanker {

    private final ItemPopularity first;
    private final ItemPopularity fallback;

    PopularityRanker(ItemPopularity first, ItemPopularity fallback) {
        this.first = first;
        this.fallback = fallback;
    }

    /** Offers the popular items to {@code list} until it is full. */
    void fill(RankedList list) {
        if (fill(list, first)) {
            return;
        }
        fill(list, fallback);
    }

    private static boolean fill(RankedList list, ItemPopularity popularity) {
        for (int position = 0; position < popularity.rankedCount(); position++) {
            if (list.offer(popularity.rankedItem(position))) {
                return true;
            }
        }
        return list.isFull();
    }
}
