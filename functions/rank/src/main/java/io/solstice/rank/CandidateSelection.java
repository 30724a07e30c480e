package io.solstice.rank;

import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistory;
import io.solstice.rank.model.ServedModel;
import io.solstice.score.RankingRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Then, for each: not bought before (with {@code excludePurchased}), not in {@code exclude}, in
 * {@code category}. Unknown rerank ids have no category and are left out by a category filter.
 */
final class CandidateSelection {

    final int[] known;

    final List<String> unknown;

    final RankingRules rules;

    final List<String> notices;

    private CandidateSelection(
            int[] known, List<String> unknown, RankingRules rules, List<String> notices) {
        this.known = known;
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

        int[] kept = filter(placed, request, model, shopper);
        List<String> keptUnknown = new ArrayList<>();
        for (String id : unknown) {
            if (!request.exclude().contains(id) && request.category() == null) {
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
        if (request.hasPriceFilter() && !model.hasPrices()) {
            notices.add(
                    "minPrice/maxPrice were not applied: the catalogue snapshot of model "
                            + model.version()
                            + " has no prices");
        }
        return new CandidateSelection(kept, keptUnknown, rules(request, model), notices);
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

    private static int[] filter(
            int[] items, RankRequest request, ServedModel model, ShopperHistory shopper) {
        int[] kept = new int[items.length];
        int count = 0;
        for (int item : items) {
            boolean bought = request.excludePurchased() && shopper.hasBought(item);
            boolean excluded = request.exclude().contains(model.itemId(item));
            boolean outside =
                    request.category() != null && !model.inCategory(item, request.category());
            if (!bought && !excluded && !outside) {
                kept[count++] = item;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private static RankingRules rules(RankRequest request, ServedModel model) {
        Map<Integer, Float> shifts = new HashMap<>();
        request.boost()
                .forEach(
                        (id, factor) -> {
                            int item = model.itemIndex(id);
                            if (item >= 0) {
                                shifts.put(item, RankingRules.shiftOf(factor));
                            }
                        });
        int cap = request.maxPerCategory();
        return new RankingRules(shifts, cap > 0 ? model.categoryGroups() : null, cap);
    }
}
