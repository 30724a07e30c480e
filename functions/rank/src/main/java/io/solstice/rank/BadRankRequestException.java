package io.solstice.rank;

import io.solstice.event.FieldError;
import java.util.List;

/** A {@code POST /rank} body with fields that do not fit; answered with 400 and the errors. */
public class BadRankRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /**
     * @param errors at least one
     */
    public BadRankRequestException(List<FieldError> errors) {
        super(String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    /** The problems, one per field. */
    public List<FieldError> errors() {
        return errors;
    }
}
