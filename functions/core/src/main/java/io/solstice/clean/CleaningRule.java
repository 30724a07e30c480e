package io.solstice.clean;

/**
 * The rules that turn raw interaction events into clean purchases, in the order they are checked.
 * Training, evaluation and the data quality report all use these rules and nothing else, so they
 * never disagree about what a purchase is.
 */
public enum CleaningRule {
    /** The event is a view, cart change or other non-purchase: kept out of the purchase log. */
    NOT_A_PURCHASE(Action.DROPPED),
    /** No customer id: a guest checkout cannot be attributed to a shopper. */
    GUEST(Action.DROPPED),
    /**
     * A return, or an order id starting with {@code C} (the retail convention for cancellations).
     */
    CANCELLATION(Action.DROPPED),
    /** Quantity zero or below on a purchase line: adjustments and write-offs. */
    NON_POSITIVE_QUANTITY(Action.DROPPED),
    /** Unit price zero or below: samples, free gifts, bad-debt adjustments. */
    NON_POSITIVE_PRICE(Action.DROPPED),
    /** The item id is not a product code (postage, manual lines, bank charges, fees). */
    NON_PRODUCT_CODE(Action.DROPPED),
    /** A quantity above the configured cap: kept, with the quantity lowered to the cap. */
    EXTREME_QUANTITY(Action.FIXED);

    /** What a rule does to the rows it touches. */
    public enum Action {
        DROPPED,
        FIXED
    }

    private final Action action;

    CleaningRule(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }
}
