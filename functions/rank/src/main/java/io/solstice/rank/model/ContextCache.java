package io.solstice.rank.model;

import io.solstice.calendar.Country;
import io.solstice.feature.CandidateFeatures;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shopper-independent features of recently asked (date, country) pairs, least recently used
 * dropped first. Most requests of a day share a handful of pairs, and a context's item block is the
 * costly part of ranking a guest. Thread-safe.
 */
final class ContextCache {

    private final CandidateFeatures features;

    private final Map<Key, CandidateFeatures.Context> contexts;

    /**
     * @param features the model's features, which contexts belong to
     * @param capacity the most contexts kept, at least 1
     */
    ContextCache(CandidateFeatures features, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "solstice.context-cache-size must be at least 1, got " + capacity);
        }
        this.features = features;
        this.contexts = new LruMap(capacity);
    }

    /** The context of {@code date} in {@code country}, computed on first use. */
    synchronized CandidateFeatures.Context get(LocalDate date, Country country) {
        return contexts.computeIfAbsent(
                new Key(date, country), key -> features.context(date, country));
    }

    /** Contexts held now. */
    synchronized int size() {
        return contexts.size();
    }

    private record Key(LocalDate date, Country country) {}

    private static final class LruMap extends LinkedHashMap<Key, CandidateFeatures.Context> {

        private static final long serialVersionUID = 1L;

        private final int capacity;

        LruMap(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CandidateFeatures.Context> eldest) {
            return size() > capacity;
        }
    }
}
