package io.solstice.evaluation.baseline;

import io.solstice.feature.DecayedHistory;
import io.solstice.feature.DecayedHistory.DecayUnit;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;

/**
 * The knobs shared by the history and item-kNN baselines.
 *
 * @param halfLifeDays half-life of the purchase decay, in days (60 in the protocol)
 * @param decayUnit whether each purchase line or each distinct purchase day adds weight
 * @param popularityDays span of the recent-popularity fallback before the cutoff, in days (28)
 * @param neighbours item-kNN keeps this many most similar neighbours per item; 0 keeps all
 * @param selfSimilarity whether an item-kNN score includes an item's similarity with itself ({@code
 *     sim(i, i) = 1}), which lifts the user's own items
 */
public record BaselineSettings(
        double halfLifeDays,
        DecayUnit decayUnit,
        int popularityDays,
        int neighbours,
        boolean selfSimilarity) {

    /** The definitions that reproduce the figures of {@code EVALUATION.md}. */
    public static BaselineSettings protocol() {
        return new BaselineSettings(60, DecayUnit.PURCHASE_LINE, 28, 0, false);
    }

    DecayedHistory decay(PurchaseLog history, LocalDate cutoff) {
        return DecayedHistory.of(history, cutoff, halfLifeDays, decayUnit);
    }
}
