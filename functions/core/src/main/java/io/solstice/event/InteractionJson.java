package io.solstice.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Interaction} as one event of an ingest request, the form {@link
 * InteractionValidator} reads: absent optional fields are left out and the time is ISO-8601 with
 * its offset. Replays and the bulk backfill use it so that their events pass the same checks as a
 * storefront's.
 */
public final class InteractionJson {

    private InteractionJson() {}

    /** E.g. {@code {"eventId":"e1","type":"purchase","itemId":"85123A",...}}. */
    public static ObjectNode toWire(Interaction event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("eventId", event.eventId());
        node.put("type", event.type().wireName());
        putIfPresent(node, "userId", event.userId());
        node.put("itemId", event.itemId());
        node.put("quantity", event.quantity());
        node.put("unitPrice", event.unitPrice());
        node.put("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt()));
        putIfPresent(node, "country", event.country());
        putIfPresent(node, "orderId", event.orderId());
        putIfPresent(node, "query", event.query());
        if (event.rating() != null) {
            node.put("rating", event.rating());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
