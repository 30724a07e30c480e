package io.solstice.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one catalogue item of a catalog request and turns it into a {@link CatalogItem}.
 *
 * <p>Fields: {@code itemId} (1-128 characters, no control characters), the optional {@code title}
 * (1-{@value #MAX_TITLE_LENGTH} characters; absent for shops whose items have none, and then the id
 * is shown), the optional {@code description} (up to {@value #MAX_DESCRIPTION_LENGTH} characters,
 * line breaks allowed), {@code category} (up to {@value #MAX_CATEGORY_LENGTH}), {@code price} (a
 * finite number from 0 to {@value #MAX_PRICE}; absent means unknown) and {@code inStock} (true or
 * false; absent means {@code true}). Unknown fields are errors.
 */
public final class CatalogItemValidator {

    /** The most items one catalog request may carry. */
    public static final int MAX_ITEMS = 500;

    /** The longest title, in characters. */
    public static final int MAX_TITLE_LENGTH = 512;

    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    /** The longest category, in characters. */
    public static final int MAX_CATEGORY_LENGTH = 256;

    /** The largest price. */
    public static final double MAX_PRICE = 1_000_000;

    private static final List<String> FIELDS =
            List.of("itemId", "title", "description", "category", "price", "inStock");

    private static final Set<String> KNOWN = new LinkedHashSet<>(FIELDS);

    private CatalogItemValidator() {}

    /**
     * Checks one item.
     *
     * @param item the item's JSON, any node (non-objects are one error)
     * @param path where the item sits in the request, e.g. {@code items[0]}
     * @return the catalogue item, or every problem found with its fields
     */
    public static Validated<CatalogItem> validate(JsonNode item, String path) {
        if (item == null || !item.isObject()) {
            return Validated.invalid(
                    List.of(
                            new FieldError(
                                    path,
                                    "an item object with the fields " + String.join(", ", FIELDS),
                                    JsonFields.render(item))));
        }

        JsonFields fields = new JsonFields(item, path);
        fields.rejectUnknown(KNOWN, String.join(", ", FIELDS));
        String itemId = fields.requiredText("itemId", InteractionValidator.MAX_ID_LENGTH);
        String title = fields.optionalText("title", MAX_TITLE_LENGTH, false);
        String description = fields.optionalText("description", MAX_DESCRIPTION_LENGTH, true);
        String category = fields.optionalText("category", MAX_CATEGORY_LENGTH, false);
        Double price = fields.number("price", MAX_PRICE, false);
        Boolean inStock = fields.optionalBoolean("inStock");

        if (!fields.errors().isEmpty()) {
            return Validated.invalid(fields.errors());
        }
        double knownPrice = price == null ? Double.NaN : price;
        return Validated.valid(
                new CatalogItem(
                        itemId,
                        title,
                        description,
                        category,
                        knownPrice,
                        inStock == null || inStock));
    }
}
