package io.solstice.quality.internal;

import io.solstice.clean.CleaningRule;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.Interaction;

/**
 * What the shared cleaning rules do to one event, as {@link PurchaseCleaner} decides it.
 *
 * @param dropping the rule that drops it, or {@code null} when it is kept
 * @param fixed true when it is kept with a value adjusted
 */
public record EventFate(CleaningRule dropping, boolean fixed) {

    /** Asks the cleaner; the decision is never made here. */
    public static EventFate of(PurchaseCleaner cleaner, Interaction event) {
        CleaningRule dropping = cleaner.droppingRule(event).orElse(null);
        boolean fixed = dropping == null && cleaner.fixingRule(event).isPresent();
        return new EventFate(dropping, fixed);
    }
}
