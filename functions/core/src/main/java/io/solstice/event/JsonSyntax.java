package io.solstice.event;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Describes why a request body is not JSON, in words a storefront developer can act on: the
 * parser's first line of explanation and where it stopped, e.g. {@code malformed JSON (Unexpected
 * character ('}' (code 125)) at line 1, column 12)}.
 */
public final class JsonSyntax {

    private JsonSyntax() {}

    public static String describe(JsonProcessingException e) {
        String reason =
                e.getOriginalMessage()
                        .lines()
                        .findFirst()
                        .orElse("")
                        .replaceAll(" \\(start marker at .*", "");
        String where =
                e.getLocation() == null
                        ? ""
                        : " at line "
                                + e.getLocation().getLineNr()
                                + ", column "
                                + e.getLocation().getColumnNr();
        return "malformed JSON (" + reason + where + ")";
    }
}
