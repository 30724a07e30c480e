package io.solstice.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a JSON document contains an expected one, for tests that compare a function's answer with
 * the {@code .expected.json} beside an event file: every field of an expected object is present and
 * matches, arrays have the same length and match element by element, scalars are equal. Fields the
 * expectation leaves out are not checked.
 */
public final class JsonSubset {

    private JsonSubset() {}

    /**
     * @throws AssertionError naming {@code path}, the actual and the expected document, when {@code
     *     actual} does not contain {@code expected}
     */
    public static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (!matches(actual, expected)) {
            throw new AssertionError(path + ": expected " + actual + " to contain " + expected);
        }
    }

    public static boolean matches(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return false;
        }
        if (expected.isObject()) {
            return actual.isObject() && fieldsMatch(actual, expected);
        }
        if (expected.isArray()) {
            return actual.isArray() && elementsMatch(actual, expected);
        }
        return actual.equals(expected);
    }

    private static boolean fieldsMatch(JsonNode actual, JsonNode expected) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!matches(actual.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean elementsMatch(JsonNode actual, JsonNode expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(actual.get(i), expected.get(i))) {
                return false;
            }
        }
        return true;
    }
}
