package io.solstice.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object, collecting a {@link FieldError} for each field that does not
 * fit. Each reader returns {@code null} when the field is absent (and optional) or invalid.
 */
final class JsonFields {

    private static final int SHOWN_CHARACTERS = 64;

    private final JsonNode object;

    private final String path;

    private final List<FieldError> errors = new ArrayList<>();

    JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The errors found so far. */
    List<FieldError> errors() {
        return errors;
    }

    /** Reports every field that is not among the known ones. */
    void rejectUnknown(Set<String> known, String knownList) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(
                        new FieldError(
                                field(name), "one of the fields " + knownList, "an unknown field"));
            }
        }
    }

    /** A required string of 1..max characters without control characters. */
    String requiredText(String name, int max) {
        String value = optionalText(name, max, false);
        if (value == null && isAbsent(name)) {
            errors.add(new FieldError(field(name), textRule(max, false), render(object.get(name))));
        }
        return value;
    }

    /**
     * An optional string of 1..max characters; absent, null and (when blankIsAbsent) blank mean
     * absent. Line breaks and tabs are allowed only when multiline.
     */
    String optionalText(String name, int max, boolean multiline) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }

        String text = node.isTextual() ? node.textValue() : null;
        if (text == null || text.isEmpty() || text.length() > max || hasControl(text, multiline)) {
            errors.add(new FieldError(field(name), textRule(max, multiline), render(node)));
            return null;
        }
        return text;
    }

    /** An integer within [-limit, limit]. */
    Integer requiredInteger(String name, int limit) {
        JsonNode node = object.get(name);
        boolean integral = node != null && node.isNumber() && node.canConvertToExactIntegral();
        if (!integral || Math.abs(node.decimalValue().doubleValue()) > limit) {
            errors.add(
                    new FieldError(
                            field(name),
                            "an integer from -" + limit + " to " + limit,
                            render(node)));
            return null;
        }
        return node.intValue();
    }

    /** An integer within [min, max]; absent or null is allowed when optional. */
    Integer integerBetween(String name, int min, int max, boolean required) {
        JsonNode node = object.get(name);
        if (!required && (node == null || node.isNull())) {
            return null;
        }

        boolean integral = node != null && node.isNumber() && node.canConvertToExactIntegral();
        double value = integral ? node.decimalValue().doubleValue() : Double.NaN;
        if (!integral || value < min || value > max) {
            errors.add(
                    new FieldError(
                            field(name), "an integer from " + min + " to " + max, render(node)));
            return null;
        }
        return node.intValue();
    }

    /** Reports a field that is present although it must not be. */
    void forbid(String name, String expected) {
        JsonNode node = object.get(name);
        if (node != null && !node.isNull()) {
            errors.add(new FieldError(field(name), expected, render(node)));
        }
    }

    /** A finite number within [0, max]; absent or null is allowed when optional. */
    Double number(String name, double max, boolean required) {
        JsonNode node = object.get(name);
        if (!required && (node == null || node.isNull())) {
            return null;
        }

        double value = node != null && node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!Double.isFinite(value) || value < 0 || value > max) {
            String rule = "a number from 0 to " + plain(max) + (required ? "" : ", or no field");
            errors.add(new FieldError(field(name), rule, render(node)));
            return null;
        }
        return value;
    }

    /** An optional boolean. */
    Boolean optionalBoolean(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(field(name), "true or false", render(node)));
            return null;
        }
        return node.booleanValue();
    }

    /** The raw node of a field, or null. */
    JsonNode node(String name) {
        return object.get(name);
    }

    /** Records an error for a field. */
    void fail(String name, String expected) {
        errors.add(new FieldError(field(name), expected, render(object.get(name))));
    }

    /** The path of a field, e.g. {@code events[3].timestamp}. */
    String field(String name) {
        return path + "." + name;
    }

    private boolean isAbsent(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull();
    }

    /** How a value is shown after "got": short, quoted for strings, described for containers. */
    static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String shown =
                    text.length() <= SHOWN_CHARACTERS
                            ? text
                            : text.substring(0, SHOWN_CHARACTERS) + "...";
            return quote(shown)
                    + (text.length() > SHOWN_CHARACTERS
                            ? " (" + text.length() + " characters)"
                            : "");
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)
                    || Character.isSurrogate(c)
                    || isInvisible(c)
                    || isNonCharacter(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * Whether text holds a character that an id or a single-line value must not: ISO control
     * characters (line breaks and tabs allowed when multiline), and in any text unpaired surrogates
     * and noncharacters (they cannot be stored as UTF-8 unchanged). Single-line values also refuse
     * invisible format characters (zero-width space, bidirectional overrides, byte order mark) and
     * line or paragraph separators, so that two ids that look the same are the same.
     */
    private static boolean hasControl(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowed) {
                return true;
            }
            if (Character.isSurrogate(c)) {
                boolean paired =
                        Character.isHighSurrogate(c)
                                && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return true;
                }
                i++;
                continue;
            }
            if (isNonCharacter(c) || (!multiline && isInvisible(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isNonCharacter(char c) {
        return (c >= '\ufdd0' && c <= '\ufdef') || c == '\ufffe' || c == '\uffff';
    }

    private static String textRule(int max, boolean multiline) {
        return "a string of 1-"
                + max
                + " characters without control characters"
                + (multiline ? " (line breaks and tabs allowed)" : "");
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
