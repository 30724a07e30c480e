package io.solstice.event;

import java.util.Objects;

/**
 * An item the storefront sells.
 *
 * @param itemId the storefront's id (stock code)
 * @param title short human-readable name
 * @param description longer text, may be {@code null}
 * @param category category path or name, {@code null} when the shop has none
 * @param price current unit price, or {@code NaN} when unknown
 * @param inStock whether the item can be bought now
 */
public record CatalogItem(
        String itemId,
        String title,
        String description,
        String category,
        double price,
        boolean inStock) {

    public CatalogItem {
        Objects.requireNonNull(itemId, "itemId");
    }

    /** The text that describes the item best: the description, else the title, else the id. */
    public String displayText() {
        if (description != null && !description.isBlank()) {
            return description;
        }
        return title != null && !title.isBlank() ? title : itemId;
    }
}
