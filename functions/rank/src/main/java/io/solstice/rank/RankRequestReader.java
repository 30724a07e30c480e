package io.solstice.rank;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.event.FieldError;
import io.solstice.event.Validated;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a {@code POST /rank} body and collects one {@link FieldError} per field that does not fit,
 * naming the field, what was expected and what arrived. Every field is optional; an empty body asks
 * for {@value RankRequest#DEFAULT_COUNT} items for a guest today.
 */
public final class RankRequestReader {

    /** The longest user id or country, in characters (the ingest function's limits). */
    static final int MAX_ID_LENGTH = 128;

    static final int MAX_COUNTRY_LENGTH = 64;

    private static final List<String> FIELDS =
            List.of("userId", "date", "country", "count", "excludePurchased");

    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final int SHOWN_CHARACTERS = 64;

    private final Supplier<LocalDate> today;

    /**
     * @param today the date used when the request names none (today in UTC in production)
     */
    public RankRequestReader(Supplier<LocalDate> today) {
        this.today = today;
    }

    /** A reader whose default date is today in UTC. */
    public static RankRequestReader utc() {
        return new RankRequestReader(() -> LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Checks one body.
     *
     * @param body the parsed JSON body, or {@code null} when the request had none
     */
    public Validated<RankRequest> read(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return Validated.valid(defaults());
        }
        if (!body.isObject()) {
            String shape = "a JSON object such as {\"userId\":\"17850\",\"count\":10}";
            return Validated.invalid(List.of(new FieldError("body", shape, render(body))));
        }

        Fields fields = new Fields(body);
        fields.rejectUnknown();
        String userId = fields.userId();
        LocalDate date = fields.date("date");
        String country = fields.text("country", MAX_COUNTRY_LENGTH);
        Integer count = fields.count("count");
        Boolean exclude = fields.bool("excludePurchased");
        if (!fields.errors.isEmpty()) {
            return Validated.invalid(fields.errors);
        }

        return Validated.valid(
                new RankRequest(
                        userId,
                        date == null ? today.get() : date,
                        country,
                        count == null ? RankRequest.DEFAULT_COUNT : count,
                        Boolean.TRUE.equals(exclude)));
    }

    private RankRequest defaults() {
        return new RankRequest(null, today.get(), null, RankRequest.DEFAULT_COUNT, false);
    }

    /** How a value is shown after "got": short, quoted for strings, described for containers. */
    static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() <= SHOWN_CHARACTERS
                    ? quote(text)
                    : quote(text.substring(0, SHOWN_CHARACTERS) + "...")
                            + " ("
                            + text.length()
                            + " characters)";
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        return node.isObject() ? "an object" : node.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** The fields of one body, each read at most once; absent and null mean "use the default". */
    private static final class Fields {

        private final JsonNode body;

        private final List<FieldError> errors = new ArrayList<>();

        Fields(JsonNode body) {
            this.body = body;
        }

        void rejectUnknown() {
            for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!KNOWN.contains(name)) {
                    String known = "one of the fields " + String.join(", ", FIELDS);
                    errors.add(new FieldError(name, known, "an unknown field"));
                }
            }
        }

        /** As in the ingest function, an empty user id means a guest. */
        String userId() {
            JsonNode node = present("userId");
            if (node != null && node.isTextual() && node.textValue().isEmpty()) {
                return null;
            }
            return text("userId", MAX_ID_LENGTH);
        }

        String text(String name, int max) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            String text = node.isTextual() ? node.textValue() : null;
            if (text == null || text.isBlank() || text.length() > max || hasControl(text)) {
                String rule =
                        "a string of 1-"
                                + max
                                + " characters without control characters, or no field";
                return fail(name, rule, node);
            }
            return text;
        }

        LocalDate date(String name) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            String rule = "an ISO-8601 date such as 2011-11-15 (yyyy-MM-dd), or no field for today";
            if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
                return fail(name, rule, node);
            }
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                return fail(name, rule, node);
            }
        }

        Integer count(String name) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            boolean integral = node.isNumber() && node.canConvertToExactIntegral();
            if (!integral
                    || node.decimalValue().doubleValue() < 1
                    || node.decimalValue().doubleValue() > RankRequest.MAX_COUNT) {
                String rule =
                        "an integer from 1 to "
                                + RankRequest.MAX_COUNT
                                + ", or no field for "
                                + RankRequest.DEFAULT_COUNT;
                return fail(name, rule, node);
            }
            return node.intValue();
        }

        Boolean bool(String name) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                return fail(name, "true or false, or no field for false", node);
            }
            return node.booleanValue();
        }

        private JsonNode present(String name) {
            JsonNode node = body.get(name);
            return node == null || node.isNull() ? null : node;
        }

        private <T> T fail(String name, String expected, JsonNode node) {
            errors.add(new FieldError(name, expected, render(node)));
            return null;
        }

        private static boolean hasControl(String text) {
            return text.chars().anyMatch(Character::isISOControl);
        }
    }
}
