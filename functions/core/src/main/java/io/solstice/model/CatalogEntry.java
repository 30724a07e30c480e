package io.solstice.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.solstice.event.CatalogItem;

/**
 * What the rank function shows and filters of an item, as the catalogue held it at training time:
 * its title, category, price and stock.
 *
 * <p>{@code catalog.json} files written before price and stock were carried lack those fields; they
 * read as {@code null} (unknown), and filters on price or stock then leave the item in.
 *
 * @param itemId the storefront's id
 * @param title display title
 * @param category category, or {@code null}
 * @param price unit price in the shop's currency, or {@code null} when unknown
 * @param inStock whether the item could be bought, or {@code null} when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(
        String itemId, String title, String category, Double price, Boolean inStock) {

    /** The canonical constructor, also the one Jackson reads {@code catalog.json} with. */
    @JsonCreator
    public CatalogEntry(
            @JsonProperty("itemId") String itemId,
            @JsonProperty("title") String title,
            @JsonProperty("category") String category,
            @JsonProperty("price") Double price,
            @JsonProperty("inStock") Boolean inStock) {
        this.itemId = itemId;
        this.title = title;
        this.category = category;
        this.price = price;
        this.inStock = inStock;
    }

    /** An entry whose price and stock are unknown. */
    public CatalogEntry(String itemId, String title, String category) {
        this(itemId, title, category, null, null);
    }

    /** The entry of a catalogue item: its display text as title; an unknown (NaN) price as none. */
    public static CatalogEntry of(CatalogItem item) {
        Double price = Double.isFinite(item.price()) ? item.price() : null;
        return new CatalogEntry(
                item.itemId(), item.displayText(), item.category(), price, item.inStock());
    }
}
