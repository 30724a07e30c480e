package io.solstice.http.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a direct invoke (a plain JSON payload sent with {@code aws lambda invoke}, not an API
 * Gateway event) goes: the {@code POST} path chosen by the one route field the payload carries,
 * e.g. {@code events} to {@code /events}, else a fallback path when the function has one route
 * only. A payload carrying two route fields fits no route: guessing would store it in the wrong
 * table.
 *
 * @param byField top-level field name to path
 * @param fallback the path for a payload with none of the fields, or null to refuse it
 * @param example what a direct invoke looks like, for the error a refused payload gets
 */
public record DirectRoutes(Map<String, String> byField, String fallback, String example) {

    /** Routes chosen by field only, e.g. {@code events} to {@code /events}. */
    public static DirectRoutes byField(Map<String, String> byField, String example) {
        return new DirectRoutes(Map.copyOf(byField), null, example);
    }

    /** Every direct invoke goes to one path, e.g. {@code /rank}. */
    public static DirectRoutes always(String path, String example) {
        return new DirectRoutes(Map.of(), path, example);
    }

    /** The path for a direct-invoke payload, or empty when it fits no route. */
    public Optional<String> pathFor(JsonNode payload) {
        if (!payload.isObject()) {
            return Optional.empty();
        }
        List<String> paths =
                byField.entrySet().stream()
                        .filter(route -> payload.has(route.getKey()))
                        .map(Map.Entry::getValue)
                        .toList();
        if (paths.size() > 1) {
            return Optional.empty();
        }
        return paths.isEmpty() ? Optional.ofNullable(fallback) : Optional.of(paths.get(0));
    }
}
