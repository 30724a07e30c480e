package io.solstice.score;

import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Ranks every candidate item for one shopper on one date: computes the {@link CandidateFeatures},
 * scores them with the {@link ModelScorer}, keeps the top k and explains each one by the model term
 * that lifted it most. Without a model it falls back to seasonal popularity (recent buyers plus
 * holiday affinity) so that a shop is never left without recommendations. Thread-safe.
 *
 * <p>A model may have two more networks, each for its own question. The discovery network scores a
 * request whose candidates hold none of the shopper's past items (the caller removed them, e.g. the
 * rank function's {@code excludePurchased}): what will they buy that they never bought is a
 * different question from what will they buy, and wholesale re-orders would otherwise dominate what
 * the first network learned. The newcomer network scores a shopper without a past (a guest, or a
 * user the model never saw): it learned from first-time buyers what people buy in each season
 * before the shop knows them.
 */
public final class SeasonalRanker {

    /**
     * Feature columns whose joint effect gives each reason (see {@link CandidateFeatures#NAMES}).
     */
    private static final int[][] GROUPS = {
        {
            CandidateFeatures.HISTORY_WEIGHT,
            CandidateFeatures.HISTORY_DAYS,
            CandidateFeatures.HISTORY_RECENCY,
            CandidateFeatures.CADENCE_DUE,
            CandidateFeatures.HISTORY_RANK,
            CandidateFeatures.HISTORY_OUT_OF_SEASON
        },
        {
            CandidateFeatures.KNN_SCORE,
            CandidateFeatures.KNN_SHARE,
            CandidateFeatures.KNN_LAST_BASKET
        },
        {
            CandidateFeatures.BUYERS_7D,
            CandidateFeatures.BUYERS_28D,
            CandidateFeatures.BUYERS_ALL,
            CandidateFeatures.BUYERS_LAST_YEAR
        },
        {CandidateFeatures.TREND},
        {
            CandidateFeatures.HOLIDAY_SALES_NOW,
            CandidateFeatures.HOLIDAY_TEXT_NOW,
            CandidateFeatures.HOLIDAY_TEXT_OUT_OF_SEASON,
            CandidateFeatures.HOLIDAY_SALES_OUT_OF_SEASON
        },
        {CandidateFeatures.ITEM_AGE}
    };

    private static final ReasonCode[] GROUP_REASONS = {
        ReasonCode.BUY_AGAIN,
        ReasonCode.SIMILAR_SHOPPERS,
        ReasonCode.POPULAR_NOW,
        ReasonCode.TRENDING,
        ReasonCode.IN_SEASON,
        ReasonCode.NEW_THIS_SEASON
    };

    private static final int NEW_ITEM_DAYS = 90;

    private final Head all;
    private final Head discovery;
    private final Head newcomer;
    private final CandidateFeatures features;

    /** A network and the embedding row of each item of the signals. */
    private record Head(ModelScorer scorer, int[] itemRows) {

        static Head of(ModelScorer scorer, ItemSignals signals) {
            if (scorer == null) {
                return null;
            }
            int[] rows = new int[signals.itemCount()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = scorer.itemRow(signals.itemIds().get(i));
            }
            return new Head(scorer, rows);
        }
    }

    /**
     * @param scorer the trained model, or {@code null} to rank by seasonal popularity
     * @param features item signals and calendar of the same training run as the model
     */
    public SeasonalRanker(ModelScorer scorer, CandidateFeatures features) {
        this(scorer, null, features);
    }

    /**
     * @param scorer the trained model, or {@code null} to rank by seasonal popularity
     * @param discoveryScorer the model's discovery network, or {@code null} to use {@code scorer}
     *     for every request
     * @param features item signals and calendar of the same training run as the model
     */
    public SeasonalRanker(
            ModelScorer scorer, ModelScorer discoveryScorer, CandidateFeatures features) {
        this(scorer, discoveryScorer, null, features);
    }

    /**
     * @param scorer the trained model, or {@code null} to rank by seasonal popularity
     * @param discoveryScorer the model's discovery network, or {@code null} to use {@code scorer}
     * @param newcomerScorer the model's network for shoppers without a past, or {@code null} to use
     *     {@code scorer}
     * @param features item signals and calendar of the same training run as the model
     */
    public SeasonalRanker(
            ModelScorer scorer,
            ModelScorer discoveryScorer,
            ModelScorer newcomerScorer,
            CandidateFeatures features) {
        this.features = features;
        this.all = Head.of(scorer, features.signals());
        this.discovery = orAll(discoveryScorer);
        this.newcomer = orAll(newcomerScorer);
    }

    private Head orAll(ModelScorer other) {
        Head head = all == null ? null : Head.of(other, features.signals());
        return head != null ? head : all;
    }

    public CandidateFeatures features() {
        return features;
    }

    /** True when a trained model scores the items, false when seasonal popularity does. */
    public boolean usesModel() {
        return all != null;
    }

    /**
     * The best {@code k} candidates for the shopper.
     *
     * @param userId the shopper's id, or {@code null} for a guest (no personal embedding)
     * @param shopper purchases before the context's date
     * @param excluded item indexes that must not be returned (bought, in the cart, out of stock)
     */
    public List<RankedItem> rank(
            String userId,
            ShopperHistory shopper,
            CandidateFeatures.Context context,
            int k,
            IntPredicate excluded) {
        return rank(
                userId,
                shopper,
                context,
                candidates(context.day(), excluded),
                k,
                RankingRules.NONE);
    }

    /**
     * The best {@code k} of the given candidates for the shopper, under storefront rules.
     *
     * @param userId the shopper's id, or {@code null} for a guest (no personal embedding)
     * @param shopper purchases before the context's date
     * @param candidates item indexes to score, each at most once; ties keep this order. They are
     *     taken as given: filtering (sold before the date, bought, in the cart) is the caller's
     * @param k how many to return
     * @param rules score shifts and a per-group cap applied after scoring; returned scores include
     *     the shifts
     */
    public List<RankedItem> rank(
            String userId,
            ShopperHistory shopper,
            CandidateFeatures.Context context,
            int[] candidates,
            int k,
            RankingRules rules) {
        float[] rows = new float[candidates.length * CandidateFeatures.COUNT];
        features.fill(shopper, context, candidates, rows);
        Head head = headFor(shopper, candidates);
        float[] scores = score(head, userId, candidates, rows, context);
        rules.shift(candidates, scores);

        int[] top = rules.capped() ? topKCapped(scores, k, candidates, rules) : topK(scores, k);
        List<RankedItem> ranked = new ArrayList<>(top.length);
        for (int position : top) {
            ranked.add(
                    explain(
                            head,
                            userId,
                            shopper,
                            context,
                            candidates[position],
                            scores[position],
                            rows,
                            position));
        }
        return ranked;
    }

    /**
     * Greedy selection down the score order, skipping a candidate whose group is full (the usual
     * diversity re-ranking by hard caps). The order is taken from a growing prefix of the best
     * candidates, so that a cap rarely costs more than one small heap.
     */
    static int[] topKCapped(float[] scores, int k, int[] candidates, RankingRules rules) {
        int window = Math.min(scores.length, Math.max(k * 4, 16));
        while (true) {
            int[] prefix = topK(scores, window);
            int[] chosen = new int[k];
            int count = 0;
            Map<Integer, Integer> perGroup = new HashMap<>();
            for (int position : prefix) {
                int group = rules.groupOf(candidates[position]);
                if (group >= 0 && perGroup.getOrDefault(group, 0) >= rules.maxPerGroup()) {
                    continue;
                }
                perGroup.merge(group, 1, Integer::sum);
                chosen[count++] = position;
                if (count == k) {
                    break;
                }
            }
            if (count == k || window == scores.length) {
                return Arrays.copyOf(chosen, count);
            }
            window = (int) Math.min(scores.length, window * 4L);
        }
    }

    private int[] candidates(int today, IntPredicate excluded) {
        ItemSignals signals = features.signals();
        int[] buffer = new int[signals.itemCount()];
        int count = 0;
        for (int item = 0; item < buffer.length; item++) {
            if (signals.soldBefore(item, today) && !excluded.test(item)) {
                buffer[count++] = item;
            }
        }
        return java.util.Arrays.copyOf(buffer, count);
    }

    private Head headFor(ShopperHistory shopper, int[] candidates) {
        if (shopper.itemCount() == 0) {
            return newcomer;
        }
        return onlyNewItems(shopper, candidates) ? discovery : all;
    }

    /** True when the shopper has a history and none of the candidates is in it. */
    private static boolean onlyNewItems(ShopperHistory shopper, int[] candidates) {
        if (shopper.itemCount() == 0) {
            return false;
        }
        for (int item : candidates) {
            if (shopper.hasBought(item)) {
                return false;
            }
        }
        return true;
    }

    private float[] score(
            Head head,
            String userId,
            int[] candidates,
            float[] rows,
            CandidateFeatures.Context context) {
        float[] scores = new float[candidates.length];
        if (head == null) {
            for (int c = 0; c < candidates.length; c++) {
                scores[c] = popularityScore(rows, c * CandidateFeatures.COUNT);
            }
            return scores;
        }
        int[] itemRows = new int[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            itemRows[c] = head.itemRows()[candidates[c]];
        }
        ModelScorer scorer = head.scorer();
        scorer.scoreBatch(rows, scorer.userRow(userId), itemRows, context.season(), scores);
        return scores;
    }

    /** Recent buyers, lifted by the item's affinity to holidays now in their lead-in. */
    private static float popularityScore(float[] rows, int base) {
        return rows[base + CandidateFeatures.BUYERS_28D]
                + rows[base + CandidateFeatures.HOLIDAY_SALES_NOW]
                + rows[base + CandidateFeatures.HISTORY_WEIGHT];
    }

    /** Positions of the {@code k} highest scores, best first (ties: lower position first). */
    static int[] topK(float[] scores, int k) {
        int size = Math.min(k, scores.length);
        int[] best = new int[size];
        int count = 0;
        for (int p = 0; p < scores.length && size > 0; p++) {
            if (count == size && !(scores[p] > scores[best[size - 1]])) {
                continue; // ties keep the earlier position already held
            }
            int slot = count < size ? count++ : size - 1;
            while (slot > 0 && scores[best[slot - 1]] < scores[p]) {
                best[slot] = best[slot - 1];
                slot--;
            }
            best[slot] = p;
        }
        return best;
    }

    private RankedItem explain(
            Head head,
            String userId,
            ShopperHistory shopper,
            CandidateFeatures.Context context,
            int item,
            float score,
            float[] rows,
            int position) {
        ReasonCode reason = strongestReason(head, userId, item, rows, position, context);
        if (reason == ReasonCode.NEW_THIS_SEASON && !isNew(item, context.day())) {
            reason = ReasonCode.POPULAR_NOW;
        }
        return new RankedItem(item, score, reason, detail(reason, shopper, item, context));
    }

    private ReasonCode strongestReason(
            Head head,
            String userId,
            int item,
            float[] rows,
            int position,
            CandidateFeatures.Context context) {
        int base = position * CandidateFeatures.COUNT;
        if (head == null) {
            float history = rows[base + CandidateFeatures.HISTORY_WEIGHT];
            float season = rows[base + CandidateFeatures.HOLIDAY_SALES_NOW];
            return history > season && history > 0
                    ? ReasonCode.BUY_AGAIN
                    : season > 0.2f ? ReasonCode.IN_SEASON : ReasonCode.POPULAR_NOW;
        }
        ModelScorer scorer = head.scorer();
        float[] terms =
                scorer.contributions(
                        rows,
                        base,
                        scorer.userRow(userId),
                        head.itemRows()[item],
                        context.season(),
                        GROUPS);
        terms[GROUPS.length - 2] += terms[GROUPS.length + 1]; // seasonal term joins IN_SEASON
        int best = 0;
        for (int g = 1; g <= GROUPS.length; g++) {
            if (terms[g] > terms[best]) {
                best = g;
            }
        }
        return best == GROUPS.length ? ReasonCode.SIMILAR_SHOPPERS : GROUP_REASONS[best];
    }

    private boolean isNew(int item, int today) {
        return today - features.signals().firstSaleDay()[item] <= NEW_ITEM_DAYS;
    }

    private String detail(
            ReasonCode reason,
            ShopperHistory shopper,
            int item,
            CandidateFeatures.Context context) {
        return switch (reason) {
            case BUY_AGAIN -> buyAgainDetail(shopper, item, context.day());
            case IN_SEASON -> inSeasonDetail(item, context);
            default -> reason.sentence();
        };
    }

    private static String buyAgainDetail(ShopperHistory shopper, int item, int today) {
        int slot = shopper.find(item);
        if (slot < 0) {
            return ReasonCode.BUY_AGAIN.sentence();
        }
        return String.format(
                Locale.ROOT,
                "You bought this on %d day(s), last %d days ago",
                shopper.daysAt(slot),
                today - shopper.lastDayAt(slot));
    }

    private String inSeasonDetail(int item, CandidateFeatures.Context context) {
        ItemSignals signals = features.signals();
        float[] leadIns = context.holidayLeadIns();
        int best = -1;
        float bestStrength = 0f;
        for (int h = 0; h < leadIns.length; h++) {
            float tie =
                    Math.max(signals.holidaySalesAffinity(item, h), signals.holidayText(item, h));
            float strength = leadIns[h] * tie;
            if (strength > bestStrength) {
                best = h;
                bestStrength = strength;
            }
        }
        if (best < 0) {
            return "Sells well at this time of year";
        }
        return "In season: shoppers are buying for "
                + signals.holidayNames().get(best).replace('_', ' ');
    }
}
