package io.solstice.rank;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.solstice.event.FieldError;
import java.util.List;

/**
 * The JSON body of every failed {@code POST /rank}.
 *
 * @param error one sentence saying what went wrong and what to do about it
 * @param errors for a 400, one entry per field that does not fit (the first {@value #MAX_LISTED});
 *     absent otherwise
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, List<FieldErrorBody> errors) {

    /** The most field errors one answer lists. */
    static final int MAX_LISTED = 20;

    /** A body with the sentence only. */
    public static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }

    /**
     * A 400 body for a request with bad fields, listing the first {@value #MAX_LISTED}: a body of
     * thousands of unknown fields would otherwise get an answer over Lambda's 6 MB response limit.
     */
    public static ErrorBody badFields(List<FieldError> errors) {
        List<FieldError> listed = errors.subList(0, Math.min(MAX_LISTED, errors.size()));
        String fields = String.join(", ", listed.stream().map(FieldError::field).toList());
        String more =
                errors.size() > listed.size()
                        ? " and " + (errors.size() - listed.size()) + " more"
                        : "";
        String error = "the request has fields that do not fit: " + fields + more;
        return new ErrorBody(error, listed.stream().map(FieldErrorBody::of).toList());
    }
}
