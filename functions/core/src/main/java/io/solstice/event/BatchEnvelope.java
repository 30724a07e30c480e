package io.solstice.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the outer shape of a batch request, {@code {"<field>": [ ... ]}}, before its records are
 * checked one by one. Other top-level fields are ignored.
 */
public final class BatchEnvelope {

    private BatchEnvelope() {}

    /**
     * The records of the batch, or the single error that makes the whole body unusable.
     *
     * @param body the parsed request body, or {@code null} when there was none
     * @param field the array's name, e.g. {@code events}
     * @param max the most records allowed
     */
    public static Validated<List<JsonNode>> records(JsonNode body, String field, int max) {
        String shape = "a JSON object such as {\"" + field + "\":[...]}";
        if (body == null || body.isMissingNode()) {
            return error("body", shape, "an empty body");
        }
        if (!body.isObject()) {
            return error("body", shape, JsonFields.render(body));
        }

        JsonNode array = body.get(field);
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > max) {
            return error(field, "an array of 1 to " + max + " " + field, JsonFields.render(array));
        }

        List<JsonNode> records = new ArrayList<>(array.size());
        array.forEach(records::add);
        return Validated.valid(records);
    }

    private static Validated<List<JsonNode>> error(String field, String expected, String got) {
        return Validated.invalid(List.of(new FieldError(field, expected, got)));
    }
}
