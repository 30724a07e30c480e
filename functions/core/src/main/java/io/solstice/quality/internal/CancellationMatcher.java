package io.solstice.quality.internal;

import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells whether a cancellation has a matching purchase: the same shopper bought the same item
 * strictly earlier. Events must be offered in time order; purchases at the very instant of a
 * cancellation do not match it.
 */
public final class CancellationMatcher {

    private final Set<String> purchased = new HashSet<>();
    private final List<String> sameInstant = new ArrayList<>();
    private Instant current;

    /**
     * Looks at the next event in time order.
     *
     * @return true when it is a cancellation with an earlier purchase
     */
    public boolean offer(Interaction event) {
        advanceTo(event.occurredAt().toInstant());

        if (PurchaseCleaner.isCancellation(event)) {
            return !event.isGuest() && purchased.contains(key(event));
        }
        if (isPurchase(event)) {
            sameInstant.add(key(event));
        }
        return false;
    }

    private void advanceTo(Instant at) {
        if (current == null || at.isAfter(current)) {
            purchased.addAll(sameInstant);
            sameInstant.clear();
            current = at;
        }
    }

    private static boolean isPurchase(Interaction event) {
        return event.type() == InteractionType.PURCHASE && event.quantity() > 0 && !event.isGuest();
    }

    private static String key(Interaction event) {
        return event.userId() + '\u0000' + event.itemId();
    }
}
