package io.solstice.rank.model;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.model.CatalogEntry;
import io.solstice.score.ModelScorer;
import io.solstice.score.SeasonalRanker;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A published model ready to rank: the {@link SeasonalRanker} over its item signals, item ids and
 * titles by item index, and a cache of (date, country) contexts. Built once per container by {@link
 * ModelLoader}; immutable apart from the cache. Thread-safe.
 */
public final class ServedModel {

    private final String version;

    private final SeasonalRanker ranker;

    private final Map<String, Integer> itemIndex;

    private final String[] titles;

    private final ContextCache contexts;

    private ServedModel(String version, SeasonalRanker ranker, String[] titles, int cacheSize) {
        this.version = version;
        this.ranker = ranker;
        this.itemIndex = ranker.features().signals().itemIndex();
        this.titles = titles;
        this.contexts = new ContextCache(ranker.features(), cacheSize);
    }

    /**
     * @param version the published version
     * @param scorer the network, or {@code null} to rank by seasonal popularity
     * @param signals the item signals of the same training run
     * @param catalog titles at training time; items it lacks are titled by their id
     * @param calendar seasons and holidays
     * @param contextCacheSize how many (date, country) contexts to keep
     */
    public static ServedModel of(
            String version,
            ModelScorer scorer,
            ItemSignals signals,
            List<CatalogEntry> catalog,
            SeasonCalendar calendar,
            int contextCacheSize) {
        SeasonalRanker ranker =
                new SeasonalRanker(scorer, new CandidateFeatures(signals, calendar));
        return new ServedModel(version, ranker, titles(signals, catalog), contextCacheSize);
    }

    private static String[] titles(ItemSignals signals, List<CatalogEntry> catalog) {
        Map<String, String> byId = new HashMap<>(catalog.size() * 2);
        catalog.stream()
                .filter(entry -> entry.title() != null && !entry.title().isBlank())
                .forEach(entry -> byId.put(entry.itemId(), entry.title()));

        String[] titles = new String[signals.itemCount()];
        for (int item = 0; item < titles.length; item++) {
            String id = signals.itemIds().get(item);
            titles[item] = byId.getOrDefault(id, id);
        }
        return titles;
    }

    /** The published version. */
    public String version() {
        return version;
    }

    /** True when the network scores items, false when seasonal popularity does. */
    public boolean usesModel() {
        return ranker.usesModel();
    }

    public SeasonalRanker ranker() {
        return ranker;
    }

    public SeasonCalendar calendar() {
        return ranker.features().calendar();
    }

    /** Items the model knows. */
    public int itemCount() {
        return titles.length;
    }

    /** The item index of an item id, or -1 when the model does not know the item. */
    public int itemIndex(String itemId) {
        Integer index = itemIndex.get(itemId);
        return index == null ? -1 : index;
    }

    /** The item id of an item index. */
    public String itemId(int item) {
        return ranker.features().signals().itemIds().get(item);
    }

    /** The title of an item index; its id when the catalogue snapshot has no title. */
    public String title(int item) {
        return titles[item];
    }

    /** The features of {@code date} in {@code country}, from the cache when asked before. */
    public CandidateFeatures.Context context(LocalDate date, Country country) {
        return contexts.get(date, country);
    }

    /** Contexts cached now. */
    int cachedContexts() {
        return contexts.size();
    }
}
