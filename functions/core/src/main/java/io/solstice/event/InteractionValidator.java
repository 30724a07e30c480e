package io.solstice.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * (ISO-8601 date-time with a UTC offset, or an integer of epoch seconds when below {@value
 * #SECONDS_BELOW} in absolute value, else epoch milliseconds; from a configurable earliest time, by
 * default 2000-01-01, to 1 day ahead of now), and the optional {@code country} (1-64 characters)
 * and {@code orderId}. Unknown fields are errors, so that a misspelt {@code userID} is not silently
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
            "ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00, or epoch seconds or"
                    + " milliseconds as an integer";

    /**
     * Integer timestamps below this are epoch seconds, others epoch milliseconds: 1e11 seconds is
     * the year 5138, while 1e11 milliseconds is 1973-03-03, so every plausible event time reads the
     * same either way it is sent.
     */
    public static final long SECONDS_BELOW = 100_000_000_000L;

    /** The default earliest event time, 2000-01-01T00:00:00Z. */
    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** How far ahead of the clock an event may be dated: 1 day. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private static final long MAX_EPOCH_MILLIS = 1_000_000_000_000_000L;

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
        return validate(event, path, DEFAULT_EARLIEST, Clock.systemUTC());
    }

    /**
     * Checks one event, refusing times before {@code earliest} or more than {@link #MAX_AHEAD}
     * after {@code clock}'s now.
     *
     * @param event the event's JSON, any node (non-objects are one error)
     * @param path where the event sits in the request, e.g. {@code events[3]}
     * @param earliest the earliest accepted event time
     * @param clock the time the future bound counts from
     */
    public static Validated<Interaction> validate(
            JsonNode event, String path, Instant earliest, Clock clock) {
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
        OffsetDateTime occurredAt = timestamp(fields, earliest, clock.instant().plus(MAX_AHEAD));
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

    private static OffsetDateTime timestamp(JsonFields fields, Instant earliest, Instant latest) {
        OffsetDateTime at = parseTimestamp(fields.node("timestamp"));
        if (at == null) {
            fields.fail("timestamp", TIMESTAMP_RULE);
            return null;
        }
        if (at.toInstant().isBefore(earliest)) {
            fields.fail("timestamp", "a time on or after " + earliest);
            return null;
        }
        if (at.toInstant().isAfter(latest)) {
            fields.fail("timestamp", "a time no later than " + latest + " (1 day ahead of now)");
            return null;
        }
        return at;
    }

    /** The time an ISO-8601 string or an epoch number stands for, or null. */
    private static OffsetDateTime parseTimestamp(JsonNode node) {
        if (node != null && node.isTextual()) {
            try {
                return OffsetDateTime.parse(
                        node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
        if (node == null || !node.isNumber() || !node.canConvertToExactIntegral()) {
            return null;
        }
        double value = node.doubleValue();
        if (Math.abs(value) >= MAX_EPOCH_MILLIS) {
            return null;
        }
        long epoch = node.longValue();
        Instant instant =
                Math.abs(epoch) < SECONDS_BELOW
                        ? Instant.ofEpochSecond(epoch)
                        : Instant.ofEpochMilli(epoch);
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
