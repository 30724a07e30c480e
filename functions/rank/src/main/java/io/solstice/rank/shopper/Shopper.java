package io.solstice.rank.shopper;

import io.solstice.feature.ShopperHistory;

/**
 * What the rank function knows about the shopper of one request.
 *
 * @param history clean purchases of items the model knows, before the request's date
 * @param latestCountry the country of the shopper's latest event that named one, or {@code null}
 * @param eventsRead events read from the store
 * @param purchasesUsed events kept as purchases of known items
 */
public record Shopper(
        ShopperHistory history, String latestCountry, int eventsRead, int purchasesUsed) {

    /** A guest, or a shopper without stored events. */
    public static Shopper guest() {
        return new Shopper(ShopperHistory.empty(), null, 0, 0);
    }
}
