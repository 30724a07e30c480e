package io.solstice.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionJson;
import java.util.List;

/** Writes interactions and catalogue items as the ingest API's request bodies. */
final class WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFormat() {}

    /** {@code {"events":[...]}} */
    static String eventsBody(List<Interaction> events) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("events");
        events.forEach(event -> array.add(InteractionJson.toWire(event)));
        return body.toString();
    }

    /** {@code {"items":[...]}} */
    static String catalogBody(List<CatalogItem> items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("items");
        items.forEach(item -> array.add(item(item)));
        return body.toString();
    }

    private static ObjectNode item(CatalogItem item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("itemId", item.itemId());
        putIfPresent(node, "title", item.title());
        putIfPresent(node, "description", item.description());
        putIfPresent(node, "category", item.category());
        if (!Double.isNaN(item.price())) {
            node.put("price", item.price());
        }
        node.put("inStock", item.inStock());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
