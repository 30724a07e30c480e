package io.solstice.rank;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.solstice.event.FieldError;

/**
 * A field error as it appears in a response.
 *
 * @param field the request field, e.g. {@code count}
 * @param expected what a valid value looks like
 * @param got what arrived
 * @param message the three in one line
 */
@RegisterForReflection
public record FieldErrorBody(String field, String expected, String got, String message) {

    /** The response form of a validation error. */
    public static FieldErrorBody of(FieldError error) {
        return new FieldErrorBody(error.field(), error.expected(), error.got(), error.message());
    }
}
