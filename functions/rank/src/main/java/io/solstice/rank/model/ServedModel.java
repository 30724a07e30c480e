package io.solstice.rank.model;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.model.CatalogEntry;
import io.solstice.model.RankingModelWeights;
import io.solstice.model.ServingModel;
import io.solstice.score.ModelScorer;
import io.solstice.score.SeasonalRanker;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A published model ready to rank: the {@link SeasonalRanker} over its item signals, the catalogue
 * snapshot (titles, categories, prices, stock) by item index, and a cache of (date, country)
 * contexts. Built once per container by {@link ModelLoader}; immutable apart from the cache.
 * Thread-safe.
 */
public final class ServedModel {

    private final String version;

    private final SeasonalRanker ranker;

    private final Map<String, Integer> itemIndex;

    private final String[] titles;

    private final String[] categories;

    private final int[] categoryGroups;

    private final double[] prices;

    private final Boolean[] stock;

    private final ContextCache contexts;

    private final String fallbackReason;

    private ServedModel(
            String version,
            SeasonalRanker ranker,
            Snapshot snapshot,
            int cacheSize,
            String fallbackReason) {
        this.version = version;
        this.ranker = ranker;
        this.itemIndex = ranker.features().signals().itemIndex();
        this.titles = snapshot.titles;
        this.categories = snapshot.categories;
        this.prices = snapshot.prices;
        this.stock = snapshot.stock;
        this.categoryGroups = groups(categories);
        this.contexts = new ContextCache(ranker.features(), cacheSize);
        this.fallbackReason = fallbackReason;
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
     * A published model with every network it holds: the one for returning shoppers, and where
     * present the discovery network and the newcomer network (see {@link SeasonalRanker}).
     */
    public static ServedModel of(
            String version, ServingModel model, SeasonCalendar calendar, int contextCacheSize) {
        SeasonalRanker ranker =
                new SeasonalRanker(
                        new ModelScorer(model.weights()),
                        scorerOrNull(model.discoveryWeights()),
                        scorerOrNull(model.newcomerWeights()),
                        new CandidateFeatures(model.signals(), calendar));
        return new ServedModel(
                version,
                ranker,
                new Snapshot(model.signals(), model.catalog()),
                contextCacheSize,
                null);
    }

    private static ModelScorer scorerOrNull(RankingModelWeights weights) {
        return weights == null ? null : new ModelScorer(weights);
    }

    /**
     * @param version the published version
     * @param scorer the network, or {@code null} to rank by seasonal popularity
     * @param signals the item signals of the same training run
     * @param catalog titles, categories, prices and stock at training time; items it lacks are
     *     titled by their id, with no category, price or stock
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
        return of(version, scorer, signals, catalog, calendar, contextCacheSize, null);
    }

    /**
     * As {@link #of(String, ModelScorer, ItemSignals, List, SeasonCalendar, int)}, with why the
     * network is not used when {@code scorer} is {@code null}.
     */
    public static ServedModel of(
            String version,
            ModelScorer scorer,
            ItemSignals signals,
            List<CatalogEntry> catalog,
            SeasonCalendar calendar,
            int contextCacheSize,
            String fallbackReason) {
        SeasonalRanker ranker =
                new SeasonalRanker(scorer, new CandidateFeatures(signals, calendar));
        return new ServedModel(
                version,
                ranker,
                new Snapshot(signals, catalog),
                contextCacheSize,
                scorer == null ? fallbackReason : null);
    }

    /** The catalogue snapshot by item index. */
    private static final class Snapshot {

        final String[] titles;

        final String[] categories;

        final double[] prices;

        final Boolean[] stock;

        Snapshot(ItemSignals signals, List<CatalogEntry> catalog) {
            Map<String, CatalogEntry> byId = new HashMap<>(catalog.size() * 2);
            catalog.forEach(entry -> byId.put(entry.itemId(), entry));

            int items = signals.itemCount();
            titles = new String[items];
            categories = new String[items];
            prices = new double[items];
            stock = new Boolean[items];
            for (int item = 0; item < items; item++) {
                String id = signals.itemIds().get(item);
                CatalogEntry entry = byId.get(id);
                titles[item] = entry == null || isBlank(entry.title()) ? id : entry.title();
                categories[item] =
                        entry == null || isBlank(entry.category()) ? null : entry.category();
                prices[item] = entry == null || entry.price() == null ? Double.NaN : entry.price();
                stock[item] = entry == null ? null : entry.inStock();
            }
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
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

    /** The price of an item index in the catalogue snapshot, {@code NaN} when unknown. */
    public double price(int item) {
        return prices[item];
    }

    /** Whether an item index was in stock, {@code null} when the snapshot does not say. */
    public Boolean inStock(int item) {
        return stock[item];
    }

    /**
     * Whether the catalogue snapshot has a price for any item (snapshots before prices had none).
     */
    public boolean hasPrices() {
        for (double price : prices) {
            if (!Double.isNaN(price)) {
                return true;
            }
        }
        return false;
    }

    /** Why seasonal popularity ranks instead of the network, or {@code null} when it does not. */
    public String fallbackReason() {
        return fallbackReason;
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
