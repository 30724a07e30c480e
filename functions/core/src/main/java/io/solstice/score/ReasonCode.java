package io.solstice.score;

/** Why an item is in a shopper's list: the model term that lifted it most. */
public enum ReasonCode {
    /** The shopper bought it before and is about due to buy it again. */
    BUY_AGAIN("You buy this regularly and are about due to re-order"),
    /** Its sales rise at this time of year or before an upcoming holiday. */
    IN_SEASON("In season now"),
    /** Shoppers who buy what this shopper buys also buy it. */
    SIMILAR_SHOPPERS("Popular with shoppers who buy what you buy"),
    /** Its sales over the last week are well above its monthly rate. */
    TRENDING("Selling fast this week"),
    /** Many shoppers bought it recently. */
    POPULAR_NOW("Popular right now"),
    /** It first sold recently. */
    NEW_THIS_SEASON("New this season");

    private final String sentence;

    ReasonCode(String sentence) {
        this.sentence = sentence;
    }

    /** A short sentence for a shopper. */
    public String sentence() {
        return sentence;
    }
}
