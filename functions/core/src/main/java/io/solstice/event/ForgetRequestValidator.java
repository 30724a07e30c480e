package io.solstice.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks the body of a privacy request to forget a shopper: {@code {"userId":"17850"}}, the id the
 * storefront sent as {@code userId} on the shopper's events.
 */
public final class ForgetRequestValidator {

    private static final String USER_ID = "userId";

    private ForgetRequestValidator() {}

    /**
     * @param body the parsed body, or null when there was none
     * @return the user id, or the problems with the body named by field
     */
    public static Validated<String> validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Validated.invalid(
                    List.of(
                            new FieldError(
                                    "body",
                                    "a JSON object such as {\"userId\":\"17850\"}",
                                    JsonFields.render(body))));
        }

        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(USER_ID)) {
                errors.add(new FieldError(name, "only the field userId", "an unknown field"));
            }
        }

        JsonNode userId = body.get(USER_ID);
        String text = userId != null && userId.isTextual() ? userId.textValue() : "";
        if (text.isBlank() || text.length() > InteractionValidator.MAX_ID_LENGTH) {
            errors.add(
                    new FieldError(
                            USER_ID,
                            "the shopper's id as sent on their events, a string of 1 to "
                                    + InteractionValidator.MAX_ID_LENGTH
                                    + " characters",
                            JsonFields.render(userId)));
        }
        return errors.isEmpty() ? Validated.valid(text) : Validated.invalid(errors);
    }
}
