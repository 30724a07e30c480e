package io.solstice.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one interaction event of an ingest request and turns it into an {@link Interaction}.
 *
 * <p>Fields: {@code eventId}, {@code itemId} (1-128 characters, no control characters), {@code
 * type} (one of {@link InteractionType#allWireNames()}), {@code userId} (same rule as ids; absent,
 * null or empty for a guest), {@code quantity} (an integer within +-{@value #QUANTITY_LIMIT}),
 * {@code unitPrice} (a finite number from 0 to {@value #MAX_UNIT_PRICE}), {@code timestamp}
 * (ISO-8601 date-time with a UTC offset), and the optional {@code country} (1-64 characters) and
 * {@code orderId}. Unknown fields are errors, so that a misspelt {@code userID} is not silently
 * read as a guest.
 *
 * <p>Type-specific fields: a {@code search} needs {@code query} (1-{@value #MAX_QUERY_LENGTH}
 * characters, the search text) and a {@code rating} needs {@code rating} (an integer from {@value
 * #MIN_RATING} to {@value #MAX_RATING}); other types must not carry them. For these two types
 * {@code quantity} and {@code unitPrice} are optional and default to 0. {@code itemId} is required
 * for every type (for a search, the item opened from the results).
 */
public final class InteractionValidator {

    /** The most events one ingest request may carry. */
    public static final int MAX_EVENTS = 500;

    /** The longest id (event, user, item, order), in characters. */
    public static final int MAX_ID_LENGTH = 128;

    /** The largest absolute quantity. */
    public static final int QUANTITY_LIMIT = 1_000_000;

    /** The largest unit price. */
    public static final double MAX_UNIT_PRICE = 1_000_000;

    /** The longest country name or code, in characters. */
    public static final int MAX_COUNTRY_LENGTH = 64;

    /** The longest search text, in characters. */
    public static final int MAX_QUERY_LENGTH = 256;

    /** The lowest rating. */
    public static final int MIN_RATING = 1;

    /** The highest rating. */
    public static final int MAX_RATING = 5;

    static final String TIMESTAMP_RULE =
            "ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00";

    private static final List<String> FIELDS =
            List.of(
                    "eventId",
                    "type",
                    "userId",
                    "itemId",
                    "quantity",
                    "unitPrice",
                    "timestamp",
                    "country",
                    "orderId",
                    "query",
                    "rating");

    private static final Set<String> KNOWN = new LinkedHashSet<>(FIELDS);

    private InteractionValidator() {}

    /**
     * Checks one event.
     *
     * @param event the event's JSON, any node (non-objects are one error)
     * @param path where the event sits in the request, e.g. {@code events[3]}
     * @return the interaction, or every problem found with its fields
     */
    public static Validated<Interaction> validate(JsonNode event, String path) {
        if (event == null || !event.isObject()) {
            return Validated.invalid(
                    List.of(
                            new FieldError(
                                    path,
                                    "an event object with the fields " + String.join(", ", FIELDS),
                                    JsonFields.render(event))));
        }

        JsonFields fields = new JsonFields(event, path);
        fields.rejectUnknown(KNOWN, String.join(", ", FIELDS));
        String eventId = fields.requiredText("eventId", MAX_ID_LENGTH);
        InteractionType type = type(fields);
        String userId = userId(fields);
        String itemId = fields.requiredText("itemId", MAX_ID_LENGTH);
        boolean unpriced = type == InteractionType.SEARCH || type == InteractionType.RATING;
        Integer quantity = quantity(fields, unpriced);
        Double unitPrice = fields.number("unitPrice", MAX_UNIT_PRICE, !unpriced);
        OffsetDateTime occurredAt = timestamp(fields);
        String country = fields.optionalText("country", MAX_COUNTRY_LENGTH, false);
        String orderId = fields.optionalText("orderId", MAX_ID_LENGTH, false);
        String query = query(fields, type);
        Integer rating = rating(fields, type);

        if (!fields.errors().isEmpty()) {
            return Validated.invalid(fields.errors());
        }
        return Validated.valid(
                new Interaction(
                        eventId,
                        type,
                        userId,
                        itemId,
                        quantity == null ? 0 : quantity,
                        unitPrice == null ? 0.0 : unitPrice,
                        occurredAt,
                        country,
                        orderId,
                        query,
                        rating));
    }

    private static Integer quantity(JsonFields fields, boolean optional) {
        JsonNode node = fields.node("quantity");
        if (optional && (node == null || node.isNull())) {
            return null;
        }
        return fields.requiredInteger("quantity", QUANTITY_LIMIT);
    }

    private static String query(JsonFields fields, InteractionType type) {
        if (type == InteractionType.SEARCH) {
            return fields.requiredText("query", MAX_QUERY_LENGTH);
        }
        if (type != null) {
            fields.forbid("query", "no field (query is only for type search)");
        }
        return null;
    }

    private static Integer rating(JsonFields fields, InteractionType type) {
        if (type == InteractionType.RATING) {
            return fields.integerBetween("rating", MIN_RATING, MAX_RATING, true);
        }
        if (type != null) {
            fields.forbid("rating", "no field (rating is only for type rating)");
        }
        return null;
    }

    private static InteractionType type(JsonFields fields) {
        JsonNode node = fields.node("type");
        String wireName = node != null && node.isTextual() ? node.textValue() : null;
        InteractionType type = InteractionType.fromWireName(wireName).orElse(null);
        if (type == null) {
            fields.fail("type", "one of " + InteractionType.allWireNames());
        }
        return type;
    }

    private static String userId(JsonFields fields) {
        JsonNode node = fields.node("userId");
        if (node != null && node.isTextual() && node.textValue().isEmpty()) {
            return null;
        }
        return fields.optionalText("userId", MAX_ID_LENGTH, false);
    }

    private static OffsetDateTime timestamp(JsonFields fields) {
        JsonNode node = fields.node("timestamp");
        if (node != null && node.isTextual()) {
            try {
                return OffsetDateTime.parse(
                        node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException notIso) {
                // reported below
            }
        }
        fields.fail("timestamp", TIMESTAMP_RULE);
        return null;
    }
}
