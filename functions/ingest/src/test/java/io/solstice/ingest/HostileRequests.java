package io.solstice.ingest;

import io.solstice.local.HttpApiEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates malformed ingest requests from a seed: bad JSON, wrong shapes, empty and over-size
 * batches, and batches whose events carry wrong types, huge strings and numbers, control characters
 * and odd Unicode, missing fields and repeated ids. Every request has at least one problem; the
 * valid events mixed into the batches are recorded so that the table can be checked afterwards.
 */
final class HostileRequests {

    /** Every event id generated here starts with this. */
    static final String PREFIX = "hostile-";

    private static final String[] BAD_JSON = {
        "{",
        "}",
        "{\"events\":[",
        "{\"events\":[{]}",
        "{\"events\":[{\"eventId\":}]}",
        "{\"events\":[1,]}",
        "{'events':[]}",
        "{\"events\":[NaN]}",
        "{\"events\":[Infinity]}",
        "{\"events\":[] garbage",
        "events=[]",
        "<events/>",
        "\"unterminated",
        "tru",
        "nul",
        "{\"events\":[{\"eventId\":\"a\\x\"}]}",
        "{\"events\":[\"\\uZZZZ\"]}",
        "\u0000",
        "{\"events\":[0x10]}",
        "{\"events\":[01]}",
        "{\"events\":[" + "[".repeat(2000) + "]}",
        "{\"events\":[" + "9".repeat(5000) + "]}",
        "// comment\n{\"events\":[]}",
    };

    private static final String[] BAD_ENVELOPES = {
        "[]",
        "42",
        "\"events\"",
        "null",
        "true",
        "{}",
        "{\"events\":null}",
        "{\"events\":{}}",
        "{\"events\":[]}",
        "{\"events\":\"[]\"}",
        "{\"events\":42}",
        "{\"Events\":[{}]}",
        "[{\"events\":[]}]",
        "{\"items\":[{}]}",
    };

    /** JSON-escaped fragments that make an id invalid. */
    private static final String[] BAD_ID_CHARACTERS = {
        "\\u0000", "\\u0007", "\\n", "\\t", "\\u001f", "\\u007f", "\\u0085", "\\ud800", "\\udc00",
        "\\u200b", "\\u202e", "\\ufeff", "\\uffff", "\\u2028",
    };

    /** Unusual but valid id characters: these events must be stored with the id unchanged. */
    private static final String[] ODD_VALID_ID_CHARACTERS = {
        "é", "日本", "\\ud83c\\udf84", "Ω", "ß", "\\u00a0", " ", "\\\"", "\\\\", "/", "%00", "'; --",
    };

    private static final String HUGE = "\"" + "x".repeat(100_000) + "\"";

    /** For each field, values that are wrong for it on a purchase event (JSON text). */
    private static final Map<String, String[]> WRONG_VALUES =
            Map.ofEntries(
                    Map.entry(
                            "eventId",
                            new String[] {"42", "true", "null", "[]", "{}", "\"\"", HUGE}),
                    Map.entry(
                            "itemId",
                            new String[] {"85123", "false", "null", "[\"a\"]", "\"\"", HUGE}),
                    Map.entry("userId", new String[] {"17850", "true", "[]", "{\"id\":1}", HUGE}),
                    Map.entry(
                            "type", new String[] {"1", "null", "\"\"", "[\"view\"]", "\"refund\""}),
                    Map.entry(
                            "quantity",
                            new String[] {
                                "1.5",
                                "1e400",
                                "-1e400",
                                "123456789012345678901234567890",
                                "\"6\"",
                                "true",
                                "null",
                                "[]",
                                "1000001"
                            }),
                    Map.entry(
                            "unitPrice",
                            new String[] {
                                "-1", "1e400", "1e308", "\"2.55\"", "false", "null", "{}"
                            }),
                    Map.entry(
                            "timestamp",
                            new String[] {
                                "\"2011-12-09\"",
                                "\"2011-12-09T10:00:00\"",
                                "\"yesterday\"",
                                "true",
                                "[]",
                                "null",
                                "\"\"",
                                "1e400",
                                "-1e400"
                            }),
                    Map.entry("country", new String[] {"44", "[]", "\"\"", HUGE}),
                    Map.entry("orderId", new String[] {"536365", "{}", "\"\"", HUGE}),
                    Map.entry("query", new String[] {"\"lights\"", HUGE, "7"}),
                    Map.entry("rating", new String[] {"5", "\"5\"", "0"}));

    private static final String[] REQUIRED = {
        "eventId", "type", "itemId", "quantity", "unitPrice", "timestamp",
    };

    private static final String BAD_JSON_KIND = "bad JSON";

    private static final String CONTROL_KIND = "control or invisible characters in ids";

    private static final String[] UNKNOWN_TYPES = {"refund", "VIEWED", "", "purchases"};

    private static final String[] NOT_EVENTS = {"42", "\"event\"", "null", "[]", "[{}]", "{}"};

    private final Random random;

    private final Set<String> validIds = new LinkedHashSet<>();

    private final Map<String, Integer> categories = new TreeMap<>();

    private int counter;

    HostileRequests(Random random) {
        this.random = random;
    }

    /** The ids of the valid events generated so far, each once. */
    Set<String> validIds() {
        return validIds;
    }

    /** How many requests or events of each kind of malformation were generated. */
    Map<String, Integer> categories() {
        return categories;
    }

    /** {@code count} API Gateway events, each a malformed POST /events request. */
    List<String> generate(int count) {
        List<String> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(i));
        }
        return requests;
    }

    private String request(int i) {
        return switch (i % 10) {
            case 0 -> post(note(BAD_JSON_KIND, pick(BAD_JSON)));
            case 1 -> post(note("truncated JSON", truncated()));
            case 2 -> note("random bytes", randomBytes());
            case 3 -> post(i % 30 == 3 ? note("empty batch", "{\"events\":[]}") : badEnvelope());
            case 4 -> i % 50 == 4 ? post(oversize()) : post(repeatedIds());
            default -> post(mixedBatch());
        };
    }

    private static String wrongValueKind(String valueJson) {
        if (valueJson.equals(HUGE)) {
            return "huge string";
        }
        boolean huge =
                valueJson.matches("-?[0-9.]+(e[0-9]+)?")
                        && (valueJson.contains("e") || valueJson.length() > 6);
        return huge ? "huge number" : "wrong type or value";
    }

    private String badEnvelope() {
        return note("not a batch of events", pick(BAD_ENVELOPES));
    }

    /** Counts one malformation of the given kind and passes the value through. */
    private String note(String category, String value) {
        categories.merge(category, 1, Integer::sum);
        return value;
    }

    private String truncated() {
        String whole = "{\"events\":[" + validEvent(PREFIX + "cut-" + counter++) + "]}";
        return whole.substring(0, 1 + random.nextInt(whole.length() - 2));
    }

    private String randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return HttpApiEvent.post("/events").base64Body(bytes, "application/json").toJson();
    }

    /** 501 events that would each be valid: the batch is refused as a whole. */
    private String oversize() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            events.add(validEvent(PREFIX + "oversize-" + counter + "-" + i));
        }
        counter++;
        return note("over-size batch", batch(events));
    }

    /** A valid event, the same event again, the id with other content, and one bad event. */
    private String repeatedIds() {
        String id = freshValidId("");
        String event = validEvent(id);
        String changed = event.replace("\"quantity\":2", "\"quantity\":7");
        note("repeated ids", id);
        return batch(List.of(event, event, changed, badEvent()));
    }

    private String mixedBatch() {
        List<String> events = new ArrayList<>();
        int size = 1 + random.nextInt(8);
        int bad = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            events.add(i == bad || random.nextInt(3) == 0 ? badEvent() : goodEvent());
        }
        return batch(events);
    }

    private String goodEvent() {
        boolean odd = random.nextInt(4) == 0;
        String suffix =
                odd ? ODD_VALID_ID_CHARACTERS[random.nextInt(ODD_VALID_ID_CHARACTERS.length)] : "";
        return validEvent(freshValidId(odd ? note("odd valid Unicode in ids", suffix) : suffix));
    }

    private String freshValidId(String jsonSuffix) {
        String json = PREFIX + "ok-" + counter++ + jsonSuffix;
        validIds.add(unescape(json));
        return json;
    }

    private String badEvent() {
        String id = PREFIX + "bad-" + counter++;
        return switch (random.nextInt(7)) {
            case 0 -> {
                String field = pick(WRONG_VALUES.keySet().stream().sorted().toArray(String[]::new));
                String value = pick(WRONG_VALUES.get(field));
                yield withField(validEvent(id), field, note(wrongValueKind(value), value));
            }
            case 1 ->
                    withField(
                            validEvent(id),
                            "eventId",
                            "\"" + id + note(CONTROL_KIND, pick(BAD_ID_CHARACTERS)) + "\"");
            case 2 ->
                    withField(
                            validEvent(id),
                            "itemId",
                            "\"8512" + note(CONTROL_KIND, pick(BAD_ID_CHARACTERS)) + "\"");
            case 3 -> without(validEvent(id), note("missing field", pick(REQUIRED)));
            case 4 -> note("unknown field", validEvent(id).replace("{", "{\"userID\":\"17850\","));
            case 5 ->
                    withField(
                            validEvent(id),
                            "type",
                            "\"" + note("unknown type", pick(UNKNOWN_TYPES)) + "\"");
            default -> note("not an event object", pick(NOT_EVENTS));
        };
    }

    private String validEvent(String idJson) {
        int day = 1 + random.nextInt(28);
        return "{\"eventId\":\""
                + idJson
                + "\",\"type\":\"purchase\",\"userId\":\"h"
                + random.nextInt(50)
                + "\",\"itemId\":\"85123A\",\"quantity\":2,\"unitPrice\":2.55,"
                + "\"timestamp\":\"2011-11-"
                + (day < 10 ? "0" + day : day)
                + "T10:00:00+01:00\",\"country\":\"United Kingdom\"}";
    }

    /** Replaces (or adds) one field; the value is JSON text. */
    private static String withField(String event, String field, String valueJson) {
        String removed = without(event, field);
        return "{\""
                + field
                + "\":"
                + valueJson
                + (removed.equals("{}") ? "}" : "," + removed.substring(1));
    }

    private static String without(String event, String field) {
        return event.replaceAll("\"" + field + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]*),?", "")
                .replace(",}", "}");
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String batch(List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static String post(String body) {
        return HttpApiEvent.post("/events").jsonBody(body).toJson();
    }

    /** The Java string a JSON string literal's content stands for. */
    private static String unescape(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue("\"" + json + "\"", String.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
