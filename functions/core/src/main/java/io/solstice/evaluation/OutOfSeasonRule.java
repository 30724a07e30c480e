package io.solstice.evaluation;

import java.time.LocalDate;

/**
 * Says whether recommending an item at a cutoff is out of season (e.g. a Christmas decoration in
 * June). Supplied by the caller of an {@link Evaluation}; the evaluation reports the share of
 * ranked items it flags, or {@code NaN} when no rule is given.
 */
@FunctionalInterface
public interface OutOfSeasonRule {

    /**
     * @param item index in the purchase log's item vocabulary
     * @param cutoff the cutoff the item is recommended at
     */
    boolean isOutOfSeason(int item, LocalDate cutoff);
}
