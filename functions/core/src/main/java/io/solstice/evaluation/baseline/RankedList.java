package io.solstice.evaluation.baseline;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A top-K list filled from several sources in turn: each offered item is taken unless it is
 * excluded, already listed, or the list is full. Not thread-safe; one per ranking request.
 */
final class RankedList {

    private final int[] items;
    private final IntPredicate excluded;
    private int size;

    RankedList(int k, IntPredicate excluded) {
        this.items = new int[k];
        this.excluded = excluded;
    }

    /** Offers {@code item}; returns whether the list is now full. */
    boolean offer(int item) {
        if (size < items.length && !excluded.test(item) && !contains(item)) {
            items[size++] = item;
        }
        return isFull();
    }

    boolean isFull() {
        return size == items.length;
    }

    /** How many places are left. */
    int remaining() {
        return items.length - size;
    }

    boolean contains(int item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                return true;
            }
        }
        return false;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
