package io.solstice.store.dynamodb.internal;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads attributes of an item. */
final class Attributes {

    private Attributes() {}

    /** The attribute, or an {@link IllegalArgumentException} naming it when absent. */
    static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalArgumentException("attribute " + name + " is missing");
        }
        return value;
    }

    /** The string attribute, or null when absent. */
    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
