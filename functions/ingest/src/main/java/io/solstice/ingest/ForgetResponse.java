package io.solstice.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON body of a {@code POST /users/forget} answer.
 *
 * @param userId the shopper forgotten, when the request named one validly
 * @param deletedEvents how many stored events of theirs were deleted (0 when none were stored)
 * @param error why the request was refused, else absent
 * @param errors the fields that do not fit, else absent
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForgetResponse(
        String userId, Long deletedEvents, String error, List<FieldErrorBody> errors) {}
