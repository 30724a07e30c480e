package io.solstice.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solstice.event.FieldError;
import io.solstice.event.Validated;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A small valid request, for messages that show what a request looks like. */
    public static final String EXAMPLE = "{\"userId\":\"17850\",\"count\":10}";

    /** What a request body is, as an error message says it. */
    public static final String BODY_SHAPE = "a JSON object such as " + EXAMPLE;

    static final List<String> FIELDS =
            List.of(
                    "userId",
                    "date",
                    "country",
                    "count",
                    "excludePurchased",
                    "placement",
                    "candidates",
                    "items",
                    "exclude",
                    "category",
                    "minPrice",
                    "maxPrice",
                    "maxPerCategory",
                    "boost",
                    "dateTime",
                    "timeZone",
                    "cart",
                    "inStockOnly",
                    "pin",
                    "bury",
                    "boostCategories");

    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final int SHOWN_CHARACTERS = 64;

    /** The most items one request may pin. */
    static final int MAX_PINS = 20;

    /** The largest boost factor, and the inverse of the smallest. */
    static final double MAX_BOOST = 1e6;

    private final Clock clock;

    /**
     * @param clock now, for requests that name no date: today in their {@code timeZone}, else in
     *     UTC (the system clock in production)
     */
    public RankRequestReader(Clock clock) {
        this.clock = clock;
    }

    /** A reader on the system clock. */
    public static RankRequestReader utc() {
        return new RankRequestReader(Clock.systemUTC());
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
            return Validated.invalid(List.of(new FieldError("body", BODY_SHAPE, render(body))));
        }

        Fields fields = new Fields(body);
        fields.rejectUnknown();
        Placement placement = fields.placement();
        String userId = fields.userId();
        LocalDate date = fields.date("date");
        ZoneId zone = fields.zone("timeZone");
        ZonedDateTime dateTime = fields.dateTime("dateTime", date);
        String country = fields.text("country", MAX_COUNTRY_LENGTH);
        int maxCount =
                placement == Placement.RERANK ? RankRequest.MAX_CANDIDATES : RankRequest.MAX_COUNT;
        Integer count = fields.count("count", maxCount);
        Boolean exclude = fields.bool("excludePurchased");
        List<String> candidates =
                fields.ids("candidates", RankRequest.MAX_CANDIDATES, placement, Placement.RERANK);
        List<String> items =
                fields.ids("items", RankRequest.MAX_COUNT, placement, Placement.RELATED);
        List<String> excluded = fields.ids("exclude", RankRequest.MAX_CANDIDATES, placement, null);
        String category = fields.text("category", MAX_ID_LENGTH);
        Double minPrice = fields.price("minPrice");
        Double maxPrice = fields.price("maxPrice");
        fields.checkPriceRange(minPrice, maxPrice);
        Integer maxPerCategory = fields.count("maxPerCategory", RankRequest.MAX_COUNT);
        Map<String, Double> boost = fields.boost("boost");
        List<String> cart = fields.ids("cart", RankRequest.MAX_CANDIDATES, placement, null);
        Boolean inStockOnly = fields.bool("inStockOnly", "true");
        Map<String, Integer> pin = fields.pin("pin");
        Bury bury = fields.bury("bury");
        Map<String, Double> boostCategories = fields.boostCategories("boostCategories");
        if (!fields.errors.isEmpty()) {
            return Validated.invalid(fields.errors);
        }

        int defaultCount =
                placement == Placement.RERANK ? candidates.size() : RankRequest.DEFAULT_COUNT;
        return Validated.valid(
                new RankRequest(
                        userId,
                        localDate(date, dateTime, zone),
                        country,
                        count == null ? defaultCount : count,
                        Boolean.TRUE.equals(exclude),
                        placement,
                        candidates,
                        items,
                        Set.copyOf(excluded),
                        category,
                        minPrice,
                        maxPrice,
                        maxPerCategory == null ? 0 : maxPerCategory,
                        boost,
                        Set.copyOf(cart),
                        !Boolean.FALSE.equals(inStockOnly),
                        pin,
                        bury.items(),
                        bury.categories(),
                        boostCategories));
    }

    /**
     * The day ranked for: the date as sent; else the date-time's day in {@code zone} (when sent) or
     * in its own offset or zone; else today in {@code zone}, UTC when none.
     */
    private LocalDate localDate(LocalDate date, ZonedDateTime dateTime, ZoneId zone) {
        if (date != null) {
            return date;
        }
        if (dateTime != null) {
            return zone == null
                    ? dateTime.toLocalDate()
                    : dateTime.withZoneSameInstant(zone).toLocalDate();
        }
        return LocalDate.now(clock.withZone(zone == null ? ZoneOffset.UTC : zone));
    }

    private RankRequest defaults() {
        return new RankRequest(
                null, LocalDate.now(clock.withZone(ZoneOffset.UTC)), null, DEFAULT_COUNT, false);
    }

    private static final int DEFAULT_COUNT = RankRequest.DEFAULT_COUNT;

    /** The {@code bury} field: item ids and categories returned after every other item. */
    private record Bury(Set<String> items, Set<String> categories) {

        static final Bury NONE = new Bury(Set.of(), Set.of());
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

    /**
     * A field name or object key as a response names it: as sent when it is short and printable,
     * else quoted and cut like a value, so that an empty, invisible or huge key still reads.
     */
    static String key(String name) {
        boolean plain =
                !name.isBlank() && name.length() <= SHOWN_CHARACTERS && !Fields.hasControl(name);
        return plain ? name : render(TextNode.valueOf(name));
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
                    errors.add(new FieldError(key(name), known, "an unknown field"));
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

        Integer count(String name, int max) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            boolean integral = node.isNumber() && node.canConvertToExactIntegral();
            if (!integral
                    || node.decimalValue().doubleValue() < 1
                    || node.decimalValue().doubleValue() > max) {
                String fallback =
                        name.equals("count")
                                ? max == RankRequest.MAX_COUNT
                                        ? "for " + RankRequest.DEFAULT_COUNT
                                        : "for every candidate"
                                : "for no limit";
                return fail(
                        name, "an integer from 1 to " + max + ", or no field " + fallback, node);
            }
            return node.intValue();
        }

        Placement placement() {
            JsonNode node = present("placement");
            if (node == null) {
                return Placement.FOR_YOU;
            }
            Placement placement = node.isTextual() ? Placement.ofWireName(node.textValue()) : null;
            if (placement == null) {
                fail("placement", "one of for_you, rerank, related, or no field for for_you", node);
                return Placement.FOR_YOU;
            }
            return placement;
        }

        /**
         * An array of item ids. With {@code only}, the field is required for that placement and
         * refused for the others.
         */
        List<String> ids(String name, int max, Placement placement, Placement only) {
            JsonNode node = present(name);
            String rule = "an array of 1-" + max + " item ids (strings of 1-" + MAX_ID_LENGTH + ")";
            if (only != null && placement != only) {
                if (node != null) {
                    fail(name, "no field unless placement is " + only.wireName(), node);
                }
                return List.of();
            }
            if (node == null) {
                if (only != null) {
                    fail(name, rule + " for placement " + only.wireName(), node);
                }
                return List.of();
            }
            if (!node.isArray() || node.size() > max || (only != null && node.isEmpty())) {
                return failed(name, rule, node, List.of());
            }
            List<String> ids = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode id = node.get(i);
                if (!isId(id)) {
                    return failed(name + "[" + i + "]", "an item id of 1-128 characters", id, ids);
                }
                ids.add(id.textValue());
            }
            return ids;
        }

        Double price(String name) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            if (!node.isNumber() || !(node.doubleValue() >= 0) || node.doubleValue() > 1e9) {
                return fail(name, "a price from 0 to 1e9, or no field for no bound", node);
            }
            return node.doubleValue();
        }

        void checkPriceRange(Double min, Double max) {
            if (min != null && max != null && min > max) {
                fail(
                        "maxPrice",
                        "a price of at least minPrice (" + min + ")",
                        body.get("maxPrice"));
            }
        }

        Map<String, Double> boost(String name) {
            return boost(name, "item ids");
        }

        Map<String, Double> boost(String name, String keys) {
            JsonNode node = present(name);
            if (node == null) {
                return Map.of();
            }
            String rule =
                    "an object of at most "
                            + RankRequest.MAX_CANDIDATES
                            + " "
                            + keys
                            + " to factors";
            if (!node.isObject() || node.size() > RankRequest.MAX_CANDIDATES) {
                return failed(name, rule, node, Map.of());
            }
            Map<String, Double> factors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode factor = entry.getValue();
                double value = factor.isNumber() ? factor.doubleValue() : Double.NaN;
                if (!(value >= 1 / MAX_BOOST && value <= MAX_BOOST)) {
                    String expected =
                            "a factor from 0.000001 (bury) to 1000000 (boost), 1 for no change";
                    return failed(name + "." + key(entry.getKey()), expected, factor, Map.of());
                }
                factors.put(entry.getKey(), value);
            }
            return factors;
        }

        ZoneId zone(String name) {
            String text = text(name, MAX_COUNTRY_LENGTH);
            if (text == null) {
                return null;
            }
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                String rule =
                        "an IANA time zone such as Europe/London or an offset such as +11:00, or no"
                                + " field for UTC";
                return fail(name, rule, body.get(name));
            }
        }

        /** A date-time with an offset or zone; refused beside {@code date}. */
        ZonedDateTime dateTime(String name, LocalDate date) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            if (date != null) {
                return fail(name, "no field when date is given (send one of date, dateTime)", node);
            }
            String rule =
                    "an ISO-8601 date-time with an offset or zone, such as 2011-11-15T23:30:00-05:00"
                            + " or 2011-11-15T23:30:00+11:00[Australia/Sydney], in the years"
                            + " 0000-9999 as for date, or no field for now";
            if (!node.isTextual() || node.textValue().length() > MAX_ID_LENGTH) {
                return fail(name, rule, node);
            }
            try {
                ZonedDateTime dateTime = ZonedDateTime.parse(node.textValue());
                int year = dateTime.getYear();
                return year >= 0 && year <= 9999 ? dateTime : fail(name, rule, node);
            } catch (DateTimeParseException e) {
                return fail(name, rule, node);
            }
        }

        /** Item ids to positions from 1 to {@link RankRequest#MAX_COUNT}, each position once. */
        Map<String, Integer> pin(String name) {
            JsonNode node = present(name);
            if (node == null) {
                return Map.of();
            }
            String rule = "an object of at most " + MAX_PINS + " item ids to positions (1-100)";
            if (!node.isObject() || node.size() > MAX_PINS) {
                return failed(name, rule, node, Map.of());
            }
            Map<String, Integer> positions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode position = entry.getValue();
                String field = name + "." + key(entry.getKey());
                boolean whole = position.isNumber() && position.canConvertToExactIntegral();
                if (!whole
                        || position.asDouble() < 1
                        || position.asDouble() > RankRequest.MAX_COUNT) {
                    return failed(field, "a position from 1 to 100", position, Map.of());
                }
                if (positions.containsValue(position.intValue())) {
                    String taken = "a position no other pinned item has";
                    return failed(field, taken, position, Map.of());
                }
                positions.put(entry.getKey(), position.intValue());
            }
            return positions;
        }

        Bury bury(String name) {
            JsonNode node = present(name);
            if (node == null) {
                return Bury.NONE;
            }
            String rule = "an object with items and/or categories, arrays of strings";
            if (!node.isObject()) {
                return failed(name, rule, node, Bury.NONE);
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String part = names.next();
                if (!part.equals("items") && !part.equals("categories")) {
                    errors.add(
                            new FieldError(
                                    name + "." + key(part),
                                    "items or categories",
                                    "an unknown field"));
                }
            }
            List<String> items = strings(name + ".items", node.get("items"));
            List<String> categories = strings(name + ".categories", node.get("categories"));
            return new Bury(Set.copyOf(items), Set.copyOf(categories));
        }

        private List<String> strings(String name, JsonNode node) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            String rule = "an array of 1-" + RankRequest.MAX_CANDIDATES + " ids or categories";
            if (!node.isArray() || node.size() > RankRequest.MAX_CANDIDATES) {
                return failed(name, rule, node, List.of());
            }
            List<String> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                if (!isId(node.get(i))) {
                    String expected = "a string of 1-" + MAX_ID_LENGTH + " characters";
                    return failed(name + "[" + i + "]", expected, node.get(i), List.of());
                }
                values.add(node.get(i).textValue());
            }
            return values;
        }

        Map<String, Double> boostCategories(String name) {
            Map<String, Double> factors = boost(name, "categories");
            Map<String, Double> byKey = new LinkedHashMap<>();
            factors.forEach(
                    (category, factor) ->
                            byKey.put(category.strip().toLowerCase(java.util.Locale.ROOT), factor));
            return byKey;
        }

        private static boolean isId(JsonNode id) {
            return id != null
                    && id.isTextual()
                    && !id.textValue().isBlank()
                    && id.textValue().length() <= MAX_ID_LENGTH
                    && !hasControl(id.textValue());
        }

        private <T> T failed(String name, String expected, JsonNode node, T fallback) {
            errors.add(new FieldError(name, expected, render(node)));
            return fallback;
        }

        Boolean bool(String name) {
            return bool(name, "false");
        }

        Boolean bool(String name, String byDefault) {
            JsonNode node = present(name);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                return fail(name, "true or false, or no field for " + byDefault, node);
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
