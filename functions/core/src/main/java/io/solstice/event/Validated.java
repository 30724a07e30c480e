package io.solstice.event;

import java.util.List;

/**
 * The result of checking one record of a request: either the value or the field errors.
 *
 * @param value the checked value, {@code null} when there are errors
 * @param errors the problems found, empty when the value is valid
 * @param <T> the type of the value
 */
public record Validated<T>(T value, List<FieldError> errors) {

    public Validated {
        errors = List.copyOf(errors);
    }

    /** A valid value. */
    public static <T> Validated<T> valid(T value) {
        return new Validated<>(value, List.of());
    }

    /** An invalid record with at least one error. */
    public static <T> Validated<T> invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid record needs at least one error");
        }
        return new Validated<>(null, errors);
    }

    /** Whether the record passed every check. */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
