package io.solstice.rank;

import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistory;
import io.solstice.rank.model.ServedModel;
import io.solstice.score.RankingRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The candidates of one request after its placement and filters, and the rules for the ranker:
 *
 * <ul>
 *   <li>{@code for_you}: every item that sold before the date;
 *   <li>{@code rerank}: the request's candidates as given (duplicates once); those the model does
 *       not know cannot be scored and are returned after the others, in the order given;
 *   <li>{@code related}: the item-kNN neighbours of the request's items that sold before the date
 *       and are not out of season (described for a holiday that is not in its lead-in).
 * </ul>
 *
 * Then, for each: not bought before (with {@code excludePurchased}), not in {@code exclude} or
 * {@code cart}, in {@code category}, in stock and in the price range (see {@link Filters}). Pinned
 * items pass the same filters but need not be candidates of the placement; buried items are kept
 * apart to follow the others. Unknown rerank ids have no category or price and are left out by a
 * category or price filter.
 */
final class CandidateSelection {

    /** The candidates the model ranks (item indexes), buried ones left out. */
    final int[] known;

    /** Buried candidates: ranked apart, and listed after every other item. */
    final int[] buried;

    /** Pinned items that pass the filters, by position (from 1), in position order. */
    final Map<Integer, Integer> pinned;

    /** Rerank ids the model does not know, in the order given. */
    final List<String> unknown;

    /** Boosts and the per-category cap, applied by the ranker after scoring. */
    final RankingRules rules;

    /** What a filter or rule could not do, said to the caller. */
    final List<String> notices;

    private CandidateSelection(
            int[] known,
            int[] buried,
            Map<Integer, Integer> pinned,
            List<String> unknown,
            RankingRules rules,
            List<String> notices) {
        this.known = known;
        this.buried = buried;
        this.pinned = pinned;
        this.unknown = unknown;
        this.rules = rules;
        this.notices = notices;
    }

    static CandidateSelection of(
            RankRequest request,
            ServedModel model,
            ShopperHistory shopper,
            CandidateFeatures.Context context) {
        List<String> notices = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int[] placed =
                switch (request.placement()) {
                    case FOR_YOU -> soldBefore(model, context.day());
                    case RERANK -> given(request.candidates(), model, unknown);
                    case RELATED -> related(request.items(), model, context, notices);
                };

        Filters filters = new Filters(request, model, shopper, notices);
        Map<Integer, Integer> pinned = pinned(request, model, filters, notices);
        int[] kept = filters.keep(placed, pinned.values());
        List<String> keptUnknown = new ArrayList<>();
        for (String id : unknown) {
            if (!request.leavesOut(id) && request.category() == null && !request.hasPriceFilter()) {
                keptUnknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            notices.add(
                    unknown.size()
                            + " candidate(s) unknown to model "
                            + model.version()
                            + " could not be scored and follow the others in the order given");
        }
        filters.addNotices();

        int[][] split = splitBuried(kept, request, model);
        return new CandidateSelection(
                split[0], split[1], pinned, keptUnknown, rules(request, model), notices);
    }

    /** Pinned ids the model knows and the filters keep, by position; the others in a notice. */
    private static Map<Integer, Integer> pinned(
            RankRequest request, ServedModel model, Filters filters, List<String> notices) {
        Map<Integer, Integer> byPosition = new TreeMap<>();
        List<String> dropped = new ArrayList<>();
        request.pin()
                .forEach(
                        (id, position) -> {
                            int item = model.itemIndex(id);
                            if (item >= 0 && filters.passes(item)) {
                                byPosition.put(position, item);
                            } else {
                                dropped.add(id);
                            }
                        });
        if (!dropped.isEmpty()) {
            notices.add(
                    "pinned item(s) not placed, unknown to model "
                            + model.version()
                            + " or left out by a filter: "
                            + String.join(", ", dropped.stream().sorted().toList()));
        }
        return byPosition;
    }

    /** The kept items in two: not buried, buried. */
    private static int[][] splitBuried(int[] items, RankRequest request, ServedModel model) {
        int[] front = new int[items.length];
        int[] back = new int[items.length];
        int fronts = 0;
        int backs = 0;
        for (int item : items) {
            if (buried(item, request, model)) {
                back[backs++] = item;
            } else {
                front[fronts++] = item;
            }
        }
        return new int[][] {Arrays.copyOf(front, fronts), Arrays.copyOf(back, backs)};
    }

    private static boolean buried(int item, RankRequest request, ServedModel model) {
        if (request.buryItems().contains(model.itemId(item))) {
            return true;
        }
        for (String category : request.buryCategories()) {
            if (model.inCategory(item, category)) {
                return true;
            }
        }
        return false;
    }

    private static int[] soldBefore(ServedModel model, int day) {
        ItemSignals signals = model.ranker().features().signals();
        int[] items = new int[signals.itemCount()];
        int count = 0;
        for (int item = 0; item < items.length; item++) {
            if (signals.soldBefore(item, day)) {
                items[count++] = item;
            }
        }
        return Arrays.copyOf(items, count);
    }

    private static int[] given(List<String> ids, ServedModel model, List<String> unknown) {
        Set<Integer> items = new LinkedHashSet<>();
        Set<String> unknownOnce = new LinkedHashSet<>();
        for (String id : ids) {
            int item = model.itemIndex(id);
            if (item >= 0) {
                items.add(item);
            } else {
                unknownOnce.add(id);
            }
        }
        unknown.addAll(unknownOnce);
        return items.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] related(
            List<String> ids,
            ServedModel model,
            CandidateFeatures.Context context,
            List<String> notices) {
        ItemSignals signals = model.ranker().features().signals();
        Set<Integer> anchors = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            int item = model.itemIndex(id);
            if (item >= 0) {
                anchors.add(item);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            notices.add(
                    "items unknown to model "
                            + model.version()
                            + " have no neighbours: "
                            + String.join(", ", unknown));
        }

        float[] leadIns = context.holidayLeadIns();
        Set<Integer> neighbours = new LinkedHashSet<>();
        for (int anchor : anchors) {
            for (int slot = signals.neighbourStart()[anchor];
                    slot < signals.neighbourStart()[anchor + 1];
                    slot++) {
                int item = signals.neighbours()[slot];
                if (!anchors.contains(item)
                        && signals.soldBefore(item, context.day())
                        && !outOfSeason(signals, item, leadIns)) {
                    neighbours.add(item);
                }
            }
        }
        return neighbours.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Described for a holiday, and none of its holidays is in its lead-in now. */
    private static boolean outOfSeason(ItemSignals signals, int item, float[] leadIns) {
        boolean tagged = false;
        for (int h = 0; h < leadIns.length; h++) {
            if (signals.holidayText(item, h) > 0) {
                if (leadIns[h] > 0) {
                    return false;
                }
                tagged = true;
            }
        }
        return tagged;
    }

    /**
     * The request's filters on one item: not bought before (with {@code excludePurchased}), not
     * excluded or in the cart, in {@code category}, not out of stock (with {@code inStockOnly}),
     * and priced within the price range when the catalogue snapshot has prices (an item without a
     * known price is then left out). Counts what each left out, for the notices.
     */
    private static final class Filters {

        private final RankRequest request;

        private final ServedModel model;

        private final ShopperHistory shopper;

        private final List<String> notices;

        private final boolean prices;

        private int outOfStock;

        private int unpriced;

        Filters(
                RankRequest request,
                ServedModel model,
                ShopperHistory shopper,
                List<String> notices) {
            this.request = request;
            this.model = model;
            this.shopper = shopper;
            this.notices = notices;
            this.prices = request.hasPriceFilter() && model.hasPrices();
        }

        /** The items that pass, without the pinned ones (placed apart). */
        int[] keep(int[] items, Collection<Integer> pinned) {
            Set<Integer> pins = new HashSet<>(pinned);
            int[] kept = new int[items.length];
            int count = 0;
            for (int item : items) {
                if (!pins.contains(item) && passes(item)) {
                    kept[count++] = item;
                }
            }
            return Arrays.copyOf(kept, count);
        }

        boolean passes(int item) {
            boolean bought = request.excludePurchased() && shopper.hasBought(item);
            boolean excluded = request.leavesOut(model.itemId(item));
            boolean outside =
                    request.category() != null && !model.inCategory(item, request.category());
            return !bought && !excluded && !outside && inStock(item) && inPriceRange(item);
        }

        private boolean inStock(int item) {
            boolean out = request.inStockOnly() && Boolean.FALSE.equals(model.inStock(item));
            if (out) {
                outOfStock++;
            }
            return !out;
        }

        private boolean inPriceRange(int item) {
            if (!prices) {
                return true;
            }
            double price = model.price(item);
            if (Double.isNaN(price)) {
                unpriced++;
                return false;
            }
            return (request.minPrice() == null || price >= request.minPrice())
                    && (request.maxPrice() == null || price <= request.maxPrice());
        }

        void addNotices() {
            if (request.hasPriceFilter() && !model.hasPrices()) {
                notices.add(
                        "minPrice/maxPrice were not applied: the catalogue snapshot of model "
                                + model.version()
                                + " has no prices");
            }
            if (unpriced > 0) {
                notices.add(
                        unpriced
                                + " item(s) without a price in the catalogue snapshot were left"
                                + " out by minPrice/maxPrice");
            }
            if (outOfStock > 0) {
                notices.add(
                        outOfStock
                                + " item(s) out of stock in the catalogue snapshot were left out"
                                + " (inStockOnly)");
            }
        }
    }

    /** Item boosts and category boosts, multiplied where both apply; the per-category cap. */
    private static RankingRules rules(RankRequest request, ServedModel model) {
        Map<Integer, Float> shifts = new HashMap<>();
        request.boost()
                .forEach(
                        (id, factor) -> {
                            int item = model.itemIndex(id);
                            if (item >= 0) {
                                shifts.merge(item, RankingRules.shiftOf(factor), Float::sum);
                            }
                        });
        if (!request.boostCategories().isEmpty()) {
            for (int item = 0; item < model.itemCount(); item++) {
                Double factor = categoryBoost(request, model, item);
                if (factor != null) {
                    shifts.merge(item, RankingRules.shiftOf(factor), Float::sum);
                }
            }
        }
        int cap = request.maxPerCategory();
        return new RankingRules(shifts, cap > 0 ? model.categoryGroups() : null, cap);
    }

    private static Double categoryBoost(RankRequest request, ServedModel model, int item) {
        String category = model.category(item);
        return category == null
                ? null
                : request.boostCategories().get(category.strip().toLowerCase(Locale.ROOT));
    }
}
