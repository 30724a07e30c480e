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

    private final String[] categories;

    private final int[] categoryGroups;

    private final ContextCache contexts;

    private ServedModel(
            String version,
            SeasonalRanker ranker,
            String[] titles,
            String[] categories,
            int cacheSize) {
        this.version = version;
        this.ranker = ranker;
        this.itemIndex = ranker.features().signals().itemIndex();
        this.titles = titles;
        this.categories = categories;
        this.categoryGroups = groups(categories);
        this.contexts = new ContextCache(ranker.features(), cacheSize);
    }

    /** A number per distinct category (compared case-insensitively), -1 for none. */
    private static int[] groups(String[] categories) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] groups = new int[categories.length];
        for (int item = 0; item < categories.length; item++) {
            String key = categoryKey(categories[item]);
            groups[item] = key == null ? -1 : numbers.computeIfAbsent(key, k -> numbers.size());
        }
        return groups;
    }

    private static String categoryKey(String category) {
        return category == null || category.isBlank()
                ? null
                : category.strip().toLowerCase(java.util.Locale.ROOT);
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
        return new ServedModel(
                version,
                ranker,
                titles(signals, catalog),
                categories(signals, catalog),
                contextCacheSize);
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

    private static String[] categories(ItemSignals signals, List<CatalogEntry> catalog) {
        Map<String, String> byId = new HashMap<>(catalog.size() * 2);
        catalog.stream()
                .filter(entry -> entry.category() != null && !entry.category().isBlank())
                .forEach(entry -> byId.put(entry.itemId(), entry.category()));

        String[] categories = new String[signals.itemCount()];
        for (int item = 0; item < categories.length; item++) {
            categories[item] = byId.get(signals.itemIds().get(item));
        }
        return categories;
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

    /** The catalogue category of an item index, or {@code null} when the snapshot has none. */
    public String category(int item) {
        return categories[item];
    }

    /** Whether an item index is in {@code category} (compared case-insensitively). */
    public boolean inCategory(int item, String category) {
        String key = categoryKey(category);
        return key != null && key.equals(categoryKey(categories[item]));
    }

    /** Per item index, a number per distinct category, -1 for none: for per-category caps. */
    public int[] categoryGroups() {
        return categoryGroups;
    }

    /**
     * Whether the catalogue snapshot has prices. It has none yet.
     *
     * <p>TODO(catalogue prices): {@link CatalogEntry} carries no price, so minPrice/maxPrice cannot
     * be applied and the response says so; it costs storefronts a price filter of their own.
     */
    public boolean hasPrices() {
        return false;
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
