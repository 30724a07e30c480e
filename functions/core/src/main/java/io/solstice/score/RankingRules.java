package io.solstice.score;

import java.util.Map;

/**
 * Storefront rules applied after the model has scored the candidates: score shifts that boost or
 * bury single items, and a cap on items of one group (category) in the returned list. They change
 * which candidates are returned and in what order, never the model's scores of the others.
 *
 * @param scoreShifts per item index, a number added to the item's score: {@code ln(factor)} for a
 *     boost factor, so 2 doubles the item's odds against the others and 0.5 halves them
 * @param groups per item index, its group (e.g. category index), {@code -1} for none; {@code null}
 *     when no cap applies
 * @param maxPerGroup the most items of one group returned, {@code 0} for no cap; items in group
 *     {@code -1} are never capped
 */
public record RankingRules(Map<Integer, Float> scoreShifts, int[] groups, int maxPerGroup) {

    /** No shifts and no cap: the model's order. */
    public static final RankingRules NONE = new RankingRules(Map.of(), null, 0);

    public RankingRules {
        scoreShifts = Map.copyOf(scoreShifts);
        if (maxPerGroup < 0 || (maxPerGroup > 0 && groups == null)) {
            throw new IllegalArgumentException(
                    "maxPerGroup must be 0, or positive with groups, got " + maxPerGroup);
        }
    }

    /** The score shift of a boost factor ({@code > 0}): its natural logarithm. */
    public static float shiftOf(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a boost factor must be > 0 and finite: " + factor);
        }
        return (float) Math.log(factor);
    }

    boolean capped() {
        return maxPerGroup > 0;
    }

    /** Adds each candidate's shift to its score, in place. */
    void shift(int[] candidates, float[] scores) {
        if (scoreShifts.isEmpty()) {
            return;
        }
        for (int c = 0; c < candidates.length; c++) {
            Float shift = scoreShifts.get(candidates[c]);
            if (shift != null) {
                scores[c] += shift;
            }
        }
    }

    int groupOf(int item) {
        return groups == null || item >= groups.length ? -1 : groups[item];
    }
}
