package io.solstice.store.dynamodb.internal;

import io.solstice.event.CatalogItem;
import io.solstice.store.StoreException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a {@link CatalogItem} to and from an item of the catalog table. */
public final class CatalogItems {

    /** Hash key: the storefront's item id (stock code). */
    public static final String ITEM_ID = "itemId";

    public static final String TITLE = "title";

    public static final String DESCRIPTION = "description";

    public static final String CATEGORY = "category";

    /** Absent when the price is unknown (NaN). */
    public static final String PRICE = "price";

    public static final String IN_STOCK = "inStock";

    /** When the item was last written, epoch milliseconds. */
    public static final String UPDATED_AT = "updatedAt";

    private CatalogItems() {}

    /** The item for a catalogue entry. */
    public static Map<String, AttributeValue> toItem(CatalogItem entry, Instant updatedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ITEM_ID, AttributeValue.fromS(entry.itemId()));
        putIfPresent(item, TITLE, entry.title());
        putIfPresent(item, DESCRIPTION, entry.description());
        putIfPresent(item, CATEGORY, entry.category());
        if (!Double.isNaN(entry.price())) {
            item.put(
                    PRICE, AttributeValue.fromN(BigDecimal.valueOf(entry.price()).toPlainString()));
        }
        item.put(IN_STOCK, AttributeValue.fromBool(entry.inStock()));
        item.put(UPDATED_AT, AttributeValue.fromN(Long.toString(updatedAt.toEpochMilli())));
        return item;
    }

    /**
     * The catalogue entry an item holds.
     *
     * @throws StoreException naming the item id when an attribute is malformed
     */
    public static CatalogItem fromItem(Map<String, AttributeValue> item) {
        String itemId = Attributes.string(item, ITEM_ID);
        try {
            AttributeValue price = item.get(PRICE);
            AttributeValue inStock = item.get(IN_STOCK);
            return new CatalogItem(
                    itemId,
                    Attributes.string(item, TITLE),
                    Attributes.string(item, DESCRIPTION),
                    Attributes.string(item, CATEGORY),
                    price == null ? Double.NaN : Double.parseDouble(price.n()),
                    inStock == null || Boolean.TRUE.equals(inStock.bool()));
        } catch (RuntimeException e) {
            throw new StoreException(
                    "stored catalog item " + itemId + " is malformed: " + e.getMessage(), e);
        }
    }

    /** The key of the item with this id. */
    public static Map<String, AttributeValue> key(String itemId) {
        return Map.of(ITEM_ID, AttributeValue.fromS(itemId));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}
