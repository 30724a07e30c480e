package io.solstice.rank;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.solstice.event.FieldError;
import java.util.List;

/**
 * The JSON body of every failed {@code POST /rank}.
 *
 * @param error one sentence saying what went wrong and what to do about it
 * @param errors for a 400, one entry per field that does not fit; absent otherwise
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, List<FieldErrorBody> errors) {

    /** A body with the sentence only. */
    public static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }

    /** A 400 body for a request with bad fields. */
    public static ErrorBody badFields(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).toList());
        String error = "the request has fields that do not fit: " + fields;
        return new ErrorBody(error, errors.stream().map(FieldErrorBody::of).toList());
    }
}
