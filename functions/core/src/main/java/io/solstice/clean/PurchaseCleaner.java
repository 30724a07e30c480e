package io.solstice.clean;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@link CleaningRule cleaning rules} to raw events. The first rule that drops an event
 * decides; fixing rules then adjust what is kept.
 */
public final class PurchaseCleaner {

    private final CleaningPolicy policy;

    public PurchaseCleaner(CleaningPolicy policy) {
        this.policy = policy;
    }

    /** The clean purchases among {@code events}, and a report of what was dropped or fixed. */
    public Result clean(Iterable<Interaction> events) {
        CleaningReport report = new CleaningReport();
        List<CleanPurchase> purchases = new ArrayList<>();
        for (Interaction event : events) {
            report.recordSeen();
            Optional<CleaningRule> dropped = droppingRule(event);
            if (dropped.isPresent()) {
                report.record(dropped.get(), event.eventId());
                continue;
            }
            purchases.add(toPurchase(event, report));
            report.recordKept();
        }
        return new Result(purchases, report);
    }

    /** The rule that drops {@code event}, or empty when it is a clean purchase. */
    public Optional<CleaningRule> droppingRule(Interaction event) {
        if (event.type() != InteractionType.PURCHASE && event.type() != InteractionType.RETURN) {
            return Optional.of(CleaningRule.NOT_A_PURCHASE);
        }
        if (event.isGuest()) {
            return Optional.of(CleaningRule.GUEST);
        }
        if (isCancellation(event)) {
            return Optional.of(CleaningRule.CANCELLATION);
        }
        if (event.quantity() <= 0) {
            return Optional.of(CleaningRule.NON_POSITIVE_QUANTITY);
        }
        if (!(event.unitPrice() > 0)) {
            return Optional.of(CleaningRule.NON_POSITIVE_PRICE);
        }
        if (!policy.isProductCode(event.itemId())) {
            return Optional.of(CleaningRule.NON_PRODUCT_CODE);
        }
        return Optional.empty();
    }

    /**
     * The rule that adjusts {@code event} when it is kept, or empty when it is kept unchanged. Only
     * meaningful for events {@link #droppingRule} keeps.
     */
    public Optional<CleaningRule> fixingRule(Interaction event) {
        if (event.quantity() > policy.quantityCap()) {
            return Optional.of(CleaningRule.EXTREME_QUANTITY);
        }
        return Optional.empty();
    }

    /** The policy the rules read (product code pattern, quantity cap). */
    public CleaningPolicy policy() {
        return policy;
    }

    /**
     * True for a return, or an event whose order id starts with {@code C} (the retail convention
     * for cancellations): what rule {@link CleaningRule#CANCELLATION} drops.
     */
    public static boolean isCancellation(Interaction event) {
        return event.type() == InteractionType.RETURN
                || (event.orderId() != null && event.orderId().startsWith("C"));
    }

    private CleanPurchase toPurchase(Interaction event, CleaningReport report) {
        int quantity = event.quantity();
        Optional<CleaningRule> fixed = fixingRule(event);
        if (fixed.isPresent()) {
            report.record(fixed.get(), event.eventId());
            quantity = policy.quantityCap();
        }
        return new CleanPurchase(
                event.eventId(),
                event.userId(),
                event.itemId(),
                event.occurredAt().toLocalDate(),
                quantity,
                event.unitPrice(),
                event.country());
    }

    /** The clean purchases and the report of how they were obtained. */
    public record Result(List<CleanPurchase> purchases, CleaningReport report) {}
}
