package io.solstice.store.dynamodb.internal;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.store.StoreException;
import io.solstice.store.dynamodb.BatchOutcome.FieldDifference;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps an {@link Interaction} to and from an item of the events table. */
public final class EventItems {

    /** Hash key: the storefront's event id. */
    public static final String EVENT_ID = "eventId";

    public static final String TYPE = "type";

    /** Absent for guests, which keeps them out of the user index. */
    public static final String USER_ID = "userId";

    public static final String ITEM_ID = "itemId";

    public static final String QUANTITY = "quantity";

    public static final String UNIT_PRICE = "unitPrice";

    /** When the event happened, epoch milliseconds; range key of the user index. */
    public static final String TS = "ts";

    /** The shopper's local date, yyyy-MM-dd, from the event's own UTC offset. */
    public static final String LOCAL_DATE = "localDate";

    /** The shopper's UTC offset, e.g. {@code +01:00} or {@code Z}. */
    public static final String OFFSET = "offset";

    public static final String COUNTRY = "country";

    public static final String ORDER_ID = "orderId";

    /** The search text of a search event; absent for other types. */
    public static final String QUERY = "query";

    /** The stars of a rating event (N, 1 to 5); absent for other types. */
    public static final String RATING = "rating";

    /** When the event was written, epoch milliseconds. */
    public static final String STORED_AT = "storedAt";

    /**
     * When DynamoDB may delete the event (its TTL attribute), epoch seconds: the event's time plus
     * the retention; absent when events are kept forever.
     */
    public static final String EXPIRES_AT = "expiresAt";

    /** The global secondary index on (userId, ts). */
    public static final String USER_INDEX = "byUser";

    /** Attributes compared one to one with request fields when an id is sent again. */
    private static final List<String> COMPARED =
            List.of(TYPE, USER_ID, ITEM_ID, QUANTITY, UNIT_PRICE, COUNTRY, ORDER_ID, QUERY, RATING);

    private EventItems() {}

    /**
     * The item for an event kept for {@code retention} after it happened, with its {@link
     * #EXPIRES_AT}; {@link Duration#ZERO} keeps it forever (no attribute).
     */
    public static Map<String, AttributeValue> toItem(
            Interaction event, Instant storedAt, Duration retention) {
        Map<String, AttributeValue> item = toItem(event, storedAt);
        if (!retention.isZero()) {
            Instant expiresAt = event.occurredAt().toInstant().plus(retention);
            item.put(EXPIRES_AT, n(Long.toString(expiresAt.getEpochSecond())));
        }
        return item;
    }

    /** Whether an item's TTL has passed: DynamoDB deletes such items, but up to days later. */
    public static boolean isExpired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue value = item.get(EXPIRES_AT);
        return value != null
                && value.n() != null
                && Long.parseLong(value.n()) < now.getEpochSecond();
    }

    /** The item for an event; sub-millisecond precision of the time is dropped. */
    public static Map<String, AttributeValue> toItem(Interaction event, Instant storedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(EVENT_ID, s(event.eventId()));
        item.put(TYPE, s(event.type().wireName()));
        putIfPresent(item, USER_ID, event.isGuest() ? null : event.userId());
        item.put(ITEM_ID, s(event.itemId()));
        item.put(QUANTITY, n(Integer.toString(event.quantity())));
        item.put(UNIT_PRICE, n(BigDecimal.valueOf(event.unitPrice()).toPlainString()));

        OffsetDateTime at = event.occurredAt();
        item.put(TS, n(Long.toString(at.toInstant().toEpochMilli())));
        item.put(LOCAL_DATE, s(at.toLocalDate().toString()));
        item.put(OFFSET, s(at.getOffset().getId()));
        putIfPresent(item, COUNTRY, event.country());
        putIfPresent(item, ORDER_ID, event.orderId());
        putIfPresent(item, QUERY, event.query());
        if (event.rating() != null) {
            item.put(RATING, n(Integer.toString(event.rating())));
        }
        item.put(STORED_AT, n(Long.toString(storedAt.toEpochMilli())));
        return item;
    }

    /**
     * The event an item holds.
     *
     * @throws StoreException naming the event id when an attribute is missing or malformed
     */
    public static Interaction fromItem(Map<String, AttributeValue> item) {
        String eventId = Attributes.string(item, EVENT_ID);
        try {
            return new Interaction(
                    eventId,
                    type(Attributes.required(item, TYPE).s()),
                    Attributes.string(item, USER_ID),
                    Attributes.required(item, ITEM_ID).s(),
                    Integer.parseInt(Attributes.required(item, QUANTITY).n()),
                    Double.parseDouble(Attributes.required(item, UNIT_PRICE).n()),
                    occurredAt(item),
                    Attributes.string(item, COUNTRY),
                    Attributes.string(item, ORDER_ID),
                    Attributes.string(item, QUERY),
                    rating(item));
        } catch (RuntimeException e) {
            throw new StoreException(
                    "stored event " + eventId + " is malformed: " + e.getMessage(), e);
        }
    }

    /** When the item was written; empty for items stored without the attribute. */
    public static Optional<Instant> storedAt(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(STORED_AT);
        if (value == null || value.n() == null) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }

    /**
     * The request fields in which two items of the same event id differ; the time counts as one
     * field, {@code timestamp}, compared to the millisecond with its offset. Numbers are compared
     * by value, so {@code 12} equals {@code 12.0}.
     */
    public static List<FieldDifference> differences(
            Map<String, AttributeValue> stored, Map<String, AttributeValue> sent) {
        List<FieldDifference> differences = new ArrayList<>();
        for (String name : COMPARED) {
            if (!same(stored.get(name), sent.get(name))) {
                differences.add(
                        new FieldDifference(name, render(stored, name), render(sent, name)));
            }
        }

        if (!same(stored.get(TS), sent.get(TS)) || !same(stored.get(OFFSET), sent.get(OFFSET))) {
            differences.add(
                    new FieldDifference(
                            "timestamp",
                            occurredAt(stored).toString(),
                            occurredAt(sent).toString()));
        }
        return differences;
    }

    /** The key of the event with this id. */
    public static Map<String, AttributeValue> key(String eventId) {
        return Map.of(EVENT_ID, s(eventId));
    }

    private static OffsetDateTime occurredAt(Map<String, AttributeValue> item) {
        long millis = Long.parseLong(Attributes.required(item, TS).n());
        ZoneOffset offset = ZoneOffset.of(Attributes.required(item, OFFSET).s());
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), offset);
    }

    private static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
        }
        return a.equals(b);
    }

    private static String render(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return "nothing";
        }
        return value.n() != null ? value.n() : "\"" + value.s() + "\"";
    }

    private static Integer rating(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(RATING);
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    private static InteractionType type(String wireName) {
        return InteractionType.fromWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException("unknown type " + wireName));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
