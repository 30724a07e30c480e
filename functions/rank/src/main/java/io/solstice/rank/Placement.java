package io.solstice.rank;

import java.util.Locale;

/** Where on a storefront the ranked items are shown; it decides the candidates. */
public enum Placement {
    /** Home page: the whole catalogue, or one category, for the shopper. */
    FOR_YOU,
    /** Search results or a category page: the request's candidates, reordered. */
    RERANK,
    /** Product page or cart: neighbours of the request's items that are in season. */
    RELATED;

    /** The name in requests and responses, e.g. {@code for_you}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The placement of a wire name, or {@code null} when there is none of that name. */
    static Placement ofWireName(String name) {
        for (Placement placement : values()) {
            if (placement.wireName().equals(name)) {
                return placement;
            }
        }
        return null;
    }
}
