package io.solstice.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a shopper did with an item. The wire name is the lower-case snake form, e.g. {@code
 * add_to_cart}.
 */
public enum InteractionType {
    /** The shopper looked at an item's page. */
    VIEW,
    /** The shopper clicked an item in a list, a recommendation or a search result. */
    CLICK,
    ADD_TO_CART,
    /** The shopper took units of an item out of the cart. */
    REMOVE_FROM_CART,
    PURCHASE,
    /** A cancellation or a return of an earlier purchase; its quantity may be negative. */
    RETURN,
    /** The shopper searched; the event carries the query text and the item opened from it. */
    SEARCH,
    /** The shopper rated an item from 1 to 5 stars. */
    RATING;

    /** The name used in JSON requests and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, ignoring case; empty when the name is not a known type. */
    public static Optional<InteractionType> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String normalised = wireName.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(normalised)).findFirst();
    }

    /** The wire names of all types, for error messages. */
    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(InteractionType::wireName).toList());
    }
}
