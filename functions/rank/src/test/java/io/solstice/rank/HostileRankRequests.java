package io.solstice.rank;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.local.HttpApiEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates hostile payloads for the rank function from a seed: malformed JSON bodies, wrong types
 * for every field, huge strings and numbers, control characters and odd Unicode, over-size arrays
 * and objects, nulls, unknown fields, wrong methods and paths, incomplete API Gateway events,
 * direct invokes that are not objects and other AWS services' events, plus odd requests that are
 * valid. Each body travels as an HTTP API 2.0 event, a REST API 1.0 event or a direct invoke,
 * chosen by the seed; each payload says what its answer must be.
 */
final class HostileRankRequests {

    /** How the answer is shaped. */
    enum Answer {
        /** An API Gateway response: statusCode, headers, body. */
        GATEWAY,
        /** The body alone: a direct invoke's answer or the refusal of an unknown payload. */
        PLAIN
    }

    /** What the answer must say. */
    enum Expect {
        /** A 4xx or a refusal naming the problem. */
        PROBLEM,
        /** A 200 with a ranking. */
        RANKING,
        /** Either: odd, but not clearly wrong. */
        EITHER
    }

    /**
     * One payload and what its answer must be.
     *
     * @param category the kind of hostility, for the summary
     * @param answer the shape the answer must have
     * @param expect what the answer must say
     * @param field for a field problem, the start of a field path the errors must name, else null
     * @param status the status an API Gateway answer must have, 0 when any the expectation allows
     * @param payload the bytes sent to the function
     */
    record Case(
            String category,
            Answer answer,
            Expect expect,
            String field,
            int status,
            byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    static final String BAD_JSON = "bad JSON body";

    static final String WRONG_TYPE = "wrong type";

    static final String HUGE = "huge string or number";

    static final String CHARACTERS = "control or odd Unicode";

    static final String TOO_MANY = "too many entries";

    static final String ARRAYS = "empty or huge array";

    static final String NULLS = "null";

    static final String UNKNOWN_FIELD = "unknown field";

    static final String ROUTE = "wrong method or path";

    static final String INCOMPLETE_EVENT = "incomplete HTTP API event";

    static final String REST = "odd REST API event";

    static final String NOT_AN_OBJECT = "direct invoke of a non-object";

    static final String OTHER_EVENT = "other AWS event";

    static final String ODD_VALID = "odd but valid";

    /** Every category, in the order the summary lists them. */
    static final List<String> CATEGORIES =
            List.of(
                    BAD_JSON,
                    WRONG_TYPE,
                    HUGE,
                    CHARACTERS,
                    TOO_MANY,
                    ARRAYS,
                    NULLS,
                    UNKNOWN_FIELD,
                    ROUTE,
                    INCOMPLETE_EVENT,
                    REST,
                    NOT_AN_OBJECT,
                    OTHER_EVENT,
                    ODD_VALID);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String TWO_POW_63 = "9223372036854775808";

    /** For each field the reader knows, values (JSON text) that do not fit it. */
    private static final Map<String, String[]> WRONG_VALUES =
            Map.ofEntries(
                    Map.entry(
                            "userId",
                            new String[] {"17850", "true", "[]", "{\"id\":1}", "1.5", "\"   \""}),
                    Map.entry(
                            "date",
                            new String[] {
                                "20111115",
                                "\"2011-11-15T00:00:00Z\"",
                                "\"15/11/2011\"",
                                "\"2011-02-30\"",
                                "\"2011-1-5\"",
                                "true",
                                "[]",
                                "\"\""
                            }),
                    Map.entry("country", new String[] {"44", "[]", "{}", "\"\"", "\" \"", "false"}),
                    Map.entry(
                            "count",
                            new String[] {
                                "\"10\"",
                                "0",
                                "-1",
                                "1.5",
                                "101",
                                "true",
                                "[]",
                                "1e400",
                                "-1e400",
                                TWO_POW_63,
                                "-" + TWO_POW_63,
                                "1e-400",
                                "0.999999"
                            }),
                    Map.entry(
                            "excludePurchased",
                            new String[] {"\"true\"", "1", "0", "[]", "{}", "\"yes\""}),
                    Map.entry(
                            "placement",
                            new String[] {"\"FOR_YOU\"", "\"sideways\"", "7", "[]", "{}", "\"\""}),
                    Map.entry(
                            "candidates",
                            new String[] {
                                "\"85123A\"", "[1]", "[null]", "[\"\"]", "[[]]", "{}", "42", "[]"
                            }),
                    Map.entry("items", new String[] {"\"85123A\"", "[1]", "{}", "[]", "[true]"}),
                    Map.entry("exclude", new String[] {"\"85123A\"", "[1]", "{}", "[\"\"]", "5"}),
                    Map.entry("category", new String[] {"5", "[]", "\"\"", "{}", "true"}),
                    Map.entry(
                            "minPrice",
                            new String[] {"\"1\"", "-1", "1e10", "true", "[]", "{}", "1e400"}),
                    Map.entry(
                            "maxPrice",
                            new String[] {"\"1\"", "-0.01", "2e9", "false", "[1]", "-1e400"}),
                    Map.entry(
                            "maxPerCategory",
                            new String[] {"0", "\"2\"", "1.5", "101", "-" + TWO_POW_63}),
                    Map.entry(
                            "boost",
                            new String[] {
                                "[]",
                                "\"x\"",
                                "{\"85123A\":\"2\"}",
                                "{\"85123A\":0}",
                                "{\"85123A\":-1}",
                                "{\"85123A\":1e7}",
                                "{\"85123A\":true}",
                                "{\"85123A\":1e400}",
                                "{\"85123A\":{}}"
                            }),
                    Map.entry(
                            "dateTime",
                            new String[] {
                                "\"2011-11-15\"",
                                "\"2011-11-15T10:00:00\"",
                                "1321348361000",
                                "true",
                                "\"tomorrow\"",
                                "\"2011-11-15T25:00:00Z\""
                            }),
                    Map.entry(
                            "timeZone",
                            new String[] {
                                "\"Mars/Olympus\"", "\"+25:00\"", "0", "\"\"", "\"UTC+99\"", "[]"
                            }),
                    Map.entry("cart", new String[] {"\"22423\"", "[2]", "{}", "[\" \"]", "true"}),
                    Map.entry("inStockOnly", new String[] {"\"false\"", "0", "[]", "{}"}),
                    Map.entry(
                            "pin",
                            new String[] {
                                "[]",
                                "{\"85123A\":0}",
                                "{\"85123A\":101}",
                                "{\"85123A\":1.5}",
                                "{\"85123A\":\"1\"}",
                                "{\"85123A\":1,\"22423\":1}",
                                "{\"85123A\":" + TWO_POW_63 + "}"
                            }),
                    Map.entry(
                            "bury",
                            new String[] {
                                "[]",
                                "\"x\"",
                                "{\"items\":\"x\"}",
                                "{\"categories\":[1]}",
                                "{\"other\":[]}",
                                "{\"items\":[\"\"]}"
                            }),
                    Map.entry(
                            "boostCategories",
                            new String[] {
                                "[]", "{\"home\":0}", "{\"home\":\"2\"}", "{\"home\":1e400}", "7"
                            }));

    /** JSON-escaped characters that no id, country or category may hold. */
    private static final String[] CONTROL_CHARACTERS = {
        "\\u0000", "\\u0007", "\\n", "\\t", "\\r", "\\u001f", "\\u007f", "\\u0085", "\\u009f",
    };

    /** JSON-escaped characters that are odd in an id but not control characters. */
    private static final String[] ODD_CHARACTERS = {
        "\\u202e",
        "\\u200f",
        "\\u200b",
        "\\ufeff",
        "\\ud800",
        "\\udc00",
        "\\uffff",
        "\\u2028",
        "\\ud83c\\udf84",
        "🎄",
        "日本",
        "é",
        "\\u00a0",
        "\\\"",
        "\\\\",
        "'; --",
        "%00",
        "<b>",
    };

    /** The fields that hold an id, a country or a category, with the body that holds one. */
    private static final String[][] TEXT_FIELDS = {
        {"userId", "{\"userId\":\"%s\"}"},
        {"country", "{\"country\":\"%s\"}"},
        {"category", "{\"category\":\"%s\"}"},
        {"candidates", "{\"placement\":\"rerank\",\"candidates\":[\"85123A\",\"%s\"]}"},
        {"items", "{\"placement\":\"related\",\"items\":[\"%s\"]}"},
        {"exclude", "{\"exclude\":[\"%s\"]}"},
        {"cart", "{\"cart\":[\"22423\",\"%s\"]}"},
        {"bury", "{\"bury\":{\"items\":[\"%s\"]}}"},
    };

    private static final String[] BAD_JSON_BODIES = {
        "{",
        "}",
        "{\"userId\":}",
        "{\"userId\":\"17850\",}",
        "{\"count\":10 garbage",
        "{'userId':'17850'}",
        "{userId:\"17850\"}",
        "{\"count\":NaN}",
        "{\"count\":Infinity}",
        "{\"count\":-Infinity}",
        "{\"minPrice\":NaN}",
        "{\"count\":0x10}",
        "{\"count\":010}",
        "{\"count\":+5}",
        "{\"count\":.5}",
        "{\"userId\":\"a\\x\"}",
        "{\"userId\":\"\\uZZZZ\"}",
        "{\"userId\":\"17850\"",
        "\"unterminated",
        "tru",
        "nul",
        "<rank/>",
        "userId=17850&count=10",
        "// comment\n{\"userId\":\"17850\"}",
        "{\"userId\":\"17850\"}}",
        "{\"userId\":\"17850\"} {\"userId\":\"12347\"}",
        "{\"userId\":\"17850\"},",
        "{\"count\":5}\u0000",
        "[" + "[".repeat(5000),
        "{\"userId\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
        "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
        "{\"count\":" + "9".repeat(5000) + "}",
        "{\"minPrice\":0." + "1".repeat(5000) + "}",
    };

    private static final String[] NOT_OBJECTS = {
        "[]",
        "[{\"userId\":\"17850\"}]",
        "\"17850\"",
        "\"\"",
        "42",
        "-0",
        "1e400",
        TWO_POW_63,
        "true",
        "null",
        "",
        " \n\t ",
        "[" + "[".repeat(3000) + "]".repeat(3000) + "]",
    };

    private static final String[] METHODS = {
        "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT", "", "P OST",
        "POST\n"
    };

    private static final String[] PATHS = {
        "/",
        "/rank/",
        "/RANK",
        "/rank?count=10",
        "/events",
        "",
        "/rank/../rank",
        "/rank%00",
        "//rank",
        "/prod/rank",
        "/rank;x",
        "/\u202erank",
        "/rank/" + "x".repeat(5000),
    };

    private final Random random;

    private final Map<String, Integer> categories = new TreeMap<>();

    HostileRankRequests(Random random) {
        this.random = random;
    }

    /** How many payloads of each category were generated. */
    Map<String, Integer> categories() {
        return categories;
    }

    /** The hand-written payloads, then {@code generated} more chosen by the seed. */
    List<Case> generate(int generated) {
        List<Case> cases = new ArrayList<>(handWritten());
        for (int i = 0; i < generated; i++) {
            cases.add(generated(i));
        }
        cases.forEach(c -> categories.merge(c.category(), 1, Integer::sum));
        return cases;
    }

    private Case generated(int i) {
        return switch (i % 8) {
            case 0, 1 -> wrongType();
            case 2 -> characters();
            case 3 -> truncated();
            case 4 -> randomBytes();
            case 5 -> wrongRoute();
            case 6 -> unknownFields();
            default -> oddValid();
        };
    }

    private List<Case> handWritten() {
        List<Case> cases = new ArrayList<>();
        for (String body : BAD_JSON_BODIES) {
            cases.add(gateway(BAD_JSON, post(body), Expect.PROBLEM, "body", 400));
            cases.add(plain(BAD_JSON, body, Expect.PROBLEM, "event"));
        }
        cases.add(gateway(BAD_JSON, base64(new byte[] {'{', (byte) 0xff, '}'}), Expect.PROBLEM));
        cases.add(gateway(BAD_JSON, base64(utf8("{\"userId\":\"\u00e9\"}", 12)), Expect.PROBLEM));
        cases.add(gateway(BAD_JSON, base64(new byte[] {0, 0, 0, '{'}), Expect.PROBLEM));
        cases.add(gateway(BAD_JSON, base64(new byte[] {(byte) 0xfe, (byte) 0xff}), Expect.PROBLEM));
        cases.add(bytes(BAD_JSON, new byte[] {'{', (byte) 0xc3, '}'}));
        cases.add(
                new Case(
                        ODD_VALID,
                        Answer.PLAIN,
                        Expect.EITHER,
                        null,
                        0,
                        new byte[] {0, 0, 0, '{', 0, 0, 0, '}'}));
        cases.add(bytes(BAD_JSON, new byte[] {0, 0, 0, '[', (byte) 0xff, (byte) 0xff, 0, 0}));
        cases.add(bytes(BAD_JSON, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}));

        cases.add(body(ODD_VALID, "\ufeff{\"userId\":\"17850\"}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"count\":5,\"count\":7}", Expect.EITHER, null));
        cases.add(body(WRONG_TYPE, "{\"count\":5,\"count\":\"7\"}", Expect.PROBLEM, "count"));
        cases.add(body(ODD_VALID, "{\"count\":1e1}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"count\":10.0}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, " \r\n{ \"count\" : 3 } \r\n", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"date\":\"0000-01-01\"}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"date\":\"0001-01-01\"}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"date\":\"9999-12-31\"}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"date\":\"2012-02-29\"}", Expect.RANKING, null));
        cases.add(body(WRONG_TYPE, "{\"date\":\"2011-02-29\"}", Expect.PROBLEM, "date"));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"dateTime\":\"+999999999-12-31T23:59:59-18:00\",\"timeZone\":\"+18:00\"}",
                        Expect.PROBLEM,
                        "dateTime"));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"dateTime\":\"-999999999-01-01T00:00:00+18:00\",\"timeZone\":\"-18:00\"}",
                        Expect.PROBLEM,
                        "dateTime"));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"dateTime\":\"+999999999-12-31T23:59:59Z\"}",
                        Expect.PROBLEM,
                        "dateTime"));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"dateTime\":\"0000-01-01T00:00:00+18:00\",\"timeZone\":\"-18:00\"}",
                        Expect.RANKING,
                        null));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"dateTime\":\"9999-12-31T23:59:59-18:00\",\"timeZone\":\"+18:00\"}",
                        Expect.RANKING,
                        null));
        cases.add(
                body(
                        WRONG_TYPE,
                        "{\"dateTime\":\"+10000-01-01T00:00:00Z\"}",
                        Expect.PROBLEM,
                        "dateTime"));
        cases.add(body(ODD_VALID, "{\"timeZone\":\"-18:00\"}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"timeZone\":\"Pacific/Kiritimati\"}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"minPrice\":-0.0,\"maxPrice\":0}", Expect.RANKING, null));
        cases.add(body(WRONG_TYPE, "{\"minPrice\":5,\"maxPrice\":1}", Expect.PROBLEM, "maxPrice"));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"userId\":\"\\ud83c\\udf84-no-such-shopper\",\"country\":\"🎄\"}",
                        Expect.RANKING,
                        null));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"pin\":{\"85123A\":100},\"exclude\":[\"85123A\"],"
                                + "\"bury\":{\"items\":[\"85123A\"],\"categories\":[\"HOME\"]}}",
                        Expect.RANKING,
                        null));
        cases.add(
                body(
                        ODD_VALID,
                        "{\"boostCategories\":{\"Home\":2,\" home \":3,\"HOME\":1e6}}",
                        Expect.RANKING,
                        null));
        cases.add(body(ODD_VALID, "{\"count\":100,\"maxPerCategory\":1}", Expect.RANKING, null));
        cases.add(body(ODD_VALID, "{\"pin\":{\"85123A\":100},\"count\":1}", Expect.RANKING, null));

        cases.add(body(TOO_MANY, rerank(1001, false), Expect.PROBLEM, "candidates"));
        cases.add(body(ODD_VALID, rerank(1000, false), Expect.RANKING, null));
        cases.add(body(ODD_VALID, rerank(1000, true), Expect.RANKING, null));
        cases.add(body(TOO_MANY, "{\"boost\":" + factors(1001) + "}", Expect.PROBLEM, "boost"));
        cases.add(body(ODD_VALID, "{\"boost\":" + factors(1000) + "}", Expect.RANKING, null));
        cases.add(
                body(
                        TOO_MANY,
                        "{\"boostCategories\":" + factors(1001) + "}",
                        Expect.PROBLEM,
                        "boostCategories"));
        cases.add(body(TOO_MANY, "{\"pin\":" + positions(21) + "}", Expect.PROBLEM, "pin"));
        cases.add(body(ODD_VALID, "{\"pin\":" + positions(20) + "}", Expect.RANKING, null));
        cases.add(body(TOO_MANY, "{\"exclude\":" + ids(1001, 5) + "}", Expect.PROBLEM, "exclude"));
        cases.add(body(TOO_MANY, "{\"cart\":" + ids(1001, 5) + "}", Expect.PROBLEM, "cart"));
        cases.add(
                body(
                        TOO_MANY,
                        "{\"placement\":\"related\",\"items\":" + ids(101, 5) + "}",
                        Expect.PROBLEM,
                        "items"));
        cases.add(
                body(
                        TOO_MANY,
                        "{\"bury\":{\"items\":" + ids(1001, 5) + "}}",
                        Expect.PROBLEM,
                        "bury.items"));
        cases.add(
                body(
                        TOO_MANY,
                        "{\"placement\":\"rerank\",\"candidates\":[\"85123A\"],\"count\":1001}",
                        Expect.PROBLEM,
                        "count"));

        cases.add(
                body(
                        ARRAYS,
                        "{\"placement\":\"rerank\",\"candidates\":[]}",
                        Expect.PROBLEM,
                        "candidates"));
        cases.add(
                body(ARRAYS, "{\"placement\":\"related\",\"items\":[]}", Expect.PROBLEM, "items"));
        cases.add(body(ARRAYS, "{\"exclude\":[],\"cart\":[]}", Expect.RANKING, null));
        cases.add(
                body(ARRAYS, "{\"bury\":{\"items\":[],\"categories\":[]}}", Expect.RANKING, null));
        cases.add(body(ARRAYS, "{\"exclude\":" + ids(100_000, 3) + "}", Expect.PROBLEM, "exclude"));
        cases.add(
                gateway(
                        ARRAYS,
                        post("{\"exclude\":" + ids(200_000, 6) + "}"),
                        Expect.PROBLEM,
                        null,
                        413));
        cases.add(body(ARRAYS, "{\"boost\":{}}", Expect.RANKING, null));
        cases.add(body(ARRAYS, "{\"pin\":{},\"boostCategories\":{}}", Expect.RANKING, null));

        cases.add(body(HUGE, "{\"userId\":\"" + "x".repeat(129) + "\"}", Expect.PROBLEM, "userId"));
        cases.add(
                body(ODD_VALID, "{\"userId\":\"" + "x".repeat(128) + "\"}", Expect.RANKING, null));
        cases.add(
                body(
                        HUGE,
                        "{\"userId\":\"" + "x".repeat(900_000) + "\"}",
                        Expect.PROBLEM,
                        "userId"));
        cases.add(
                body(
                        HUGE,
                        "{\"country\":\"" + "é".repeat(100_000) + "\"}",
                        Expect.PROBLEM,
                        "country"));
        cases.add(
                body(
                        HUGE,
                        "{\"category\":\"" + "\\u0000".repeat(100_000) + "\"}",
                        Expect.PROBLEM,
                        "category"));
        cases.add(
                body(
                        HUGE,
                        "{\"boost\":{\"" + "\\\"".repeat(400_000) + "\":0}}",
                        Expect.PROBLEM,
                        "body"));
        cases.add(
                body(
                        HUGE,
                        "{\"boost\":{\"" + "\\\"".repeat(49_000) + "\":0}}",
                        Expect.PROBLEM,
                        "boost.\"\\\""));
        cases.add(
                body(
                        HUGE,
                        "{\"pin\":{\"" + "\\u0001".repeat(49_000) + "\":0}}",
                        Expect.PROBLEM,
                        "pin.\"\\u0001"));
        cases.add(plain(HUGE, "{\"count\":1e400}", Expect.PROBLEM, "count"));
        cases.add(
                plain(
                        HUGE,
                        "{\"minPrice\":-1e400,\"count\":" + TWO_POW_63 + "}",
                        Expect.PROBLEM,
                        "minPrice"));
        cases.add(body(HUGE, "{\"" + "\\\"".repeat(400_000) + "\":1}", Expect.PROBLEM, "body"));
        cases.add(body(HUGE, "{\"" + "\\\"".repeat(49_000) + "\":1}", Expect.PROBLEM, "\"\\\""));
        cases.add(body(HUGE, "{\"count\":" + "9".repeat(999) + "}", Expect.PROBLEM, "count"));
        cases.add(body(HUGE, "{\"count\":1e999999999}", Expect.PROBLEM, "count"));
        cases.add(body(HUGE, "{\"minPrice\":1e-999999999}", Expect.RANKING, null));
        cases.add(
                gateway(
                        HUGE,
                        post("{\"userId\":\"" + "x".repeat(1 << 20) + "\"}"),
                        Expect.PROBLEM,
                        null,
                        413));

        cases.add(body(UNKNOWN_FIELD, manyUnknownFields(60_000), Expect.PROBLEM, "f"));
        cases.add(body(UNKNOWN_FIELD, "{\"\":1}", Expect.PROBLEM, "\"\""));
        cases.add(
                body(UNKNOWN_FIELD, "{\"__proto__\":{\"count\":5}}", Expect.PROBLEM, "__proto__"));
        cases.add(
                body(
                        UNKNOWN_FIELD,
                        "{\"bury\":{\"" + "x".repeat(500_000) + "\":[]}}",
                        Expect.PROBLEM,
                        "body"));
        cases.add(
                body(
                        UNKNOWN_FIELD,
                        "{\"bury\":{\"" + "x".repeat(49_000) + "\":[]}}",
                        Expect.PROBLEM,
                        "bury.\"xxx"));
        cases.add(
                body(
                        UNKNOWN_FIELD,
                        "{\"\\n\":1,\"" + "\\u0007".repeat(40_000) + "\":1}",
                        Expect.PROBLEM,
                        "\"\\u000a\""));

        cases.add(body(NULLS, "null", Expect.RANKING, null));
        cases.add(body(NULLS, "{}", Expect.RANKING, null));
        cases.add(body(NULLS, allFields("null"), Expect.RANKING, null));
        cases.add(
                body(
                        NULLS,
                        "{\"placement\":\"rerank\",\"candidates\":null}",
                        Expect.PROBLEM,
                        "candidates"));
        cases.add(body(NULLS, "{\"boost\":{\"85123A\":null}}", Expect.PROBLEM, "boost.85123A"));
        cases.add(body(NULLS, "{\"pin\":{\"85123A\":null}}", Expect.PROBLEM, "pin.85123A"));
        cases.add(body(NULLS, "{\"exclude\":[null]}", Expect.PROBLEM, "exclude[0]"));
        cases.add(
                body(
                        NULLS,
                        "{\"bury\":{\"items\":null,\"categories\":null}}",
                        Expect.RANKING,
                        null));
        cases.add(gateway(NULLS, HttpApiEvent.post("/rank").toJsonNode(), Expect.RANKING));

        cases.addAll(incompleteEvents());
        cases.addAll(restEvents());
        for (String payload : NOT_OBJECTS) {
            cases.add(plain(NOT_AN_OBJECT, payload, Expect.PROBLEM, "event"));
        }
        cases.addAll(otherEvents());
        return cases;
    }

    private List<Case> incompleteEvents() {
        List<Case> cases = new ArrayList<>();
        ObjectNode event = HttpApiEvent.post("/rank").jsonBody("{}").toJsonNode();

        ObjectNode noContext = event.deepCopy();
        noContext.remove("requestContext");
        cases.add(plain(INCOMPLETE_EVENT, noContext.toString(), Expect.PROBLEM, null));

        ObjectNode emptyContext = event.deepCopy();
        emptyContext.putObject("requestContext");
        cases.add(plain(INCOMPLETE_EVENT, emptyContext.toString(), Expect.PROBLEM, "event"));

        ObjectNode textHttp = event.deepCopy();
        textHttp.withObjectProperty("requestContext").put("http", "POST /rank");
        cases.add(plain(INCOMPLETE_EVENT, textHttp.toString(), Expect.PROBLEM, "event"));

        ObjectNode nullContext = event.deepCopy();
        nullContext.putNull("requestContext");
        cases.add(plain(INCOMPLETE_EVENT, nullContext.toString(), Expect.PROBLEM, "event"));

        ObjectNode emptyHttp = event.deepCopy();
        emptyHttp.withObjectProperty("requestContext").putObject("http");
        cases.add(gateway(INCOMPLETE_EVENT, emptyHttp, Expect.PROBLEM, null, 405));

        ObjectNode noPath = event.deepCopy();
        noPath.remove("rawPath");
        noPath.withObjectProperty("requestContext").withObjectProperty("http").remove("path");
        cases.add(gateway(INCOMPLETE_EVENT, noPath, Expect.PROBLEM, null, 404));

        ObjectNode onlyHttpPath = event.deepCopy();
        onlyHttpPath.remove("rawPath");
        cases.add(gateway(INCOMPLETE_EVENT, onlyHttpPath, Expect.RANKING));

        ObjectNode numbers = event.deepCopy();
        numbers.put("rawPath", 42);
        numbers.withObjectProperty("requestContext").withObjectProperty("http").put("method", 7);
        numbers.withObjectProperty("requestContext").put("stage", 3);
        cases.add(gateway(INCOMPLETE_EVENT, numbers, Expect.PROBLEM, null, 404));

        ObjectNode noStage = event.deepCopy();
        noStage.withObjectProperty("requestContext").remove("stage");
        noStage.remove("headers");
        cases.add(gateway(INCOMPLETE_EVENT, noStage, Expect.RANKING));

        ObjectNode nullHeaders = event.deepCopy();
        nullHeaders.putNull("headers");
        nullHeaders.put("rawQueryString", "count=%zz&&=");
        cases.add(gateway(INCOMPLETE_EVENT, nullHeaders, Expect.RANKING));

        ObjectNode version1 = event.deepCopy();
        version1.put("version", "1.0");
        cases.add(plain(INCOMPLETE_EVENT, version1.toString(), Expect.PROBLEM, "event"));

        ObjectNode noVersion = event.deepCopy();
        noVersion.remove("version");
        cases.add(plain(INCOMPLETE_EVENT, noVersion.toString(), Expect.PROBLEM, "event"));

        ObjectNode objectBody = event.deepCopy();
        objectBody.putObject("body").put("userId", 17850);
        cases.add(gateway(INCOMPLETE_EVENT, objectBody, Expect.PROBLEM, "body", 400));

        ObjectNode numberBody = event.deepCopy();
        numberBody.put("body", 42);
        cases.add(gateway(INCOMPLETE_EVENT, numberBody, Expect.PROBLEM, "body", 400));

        ObjectNode base64Object = event.deepCopy();
        base64Object.putArray("body");
        base64Object.put("isBase64Encoded", true);
        cases.add(gateway(INCOMPLETE_EVENT, base64Object, Expect.PROBLEM, "body", 400));

        ObjectNode textFlag = event.deepCopy();
        textFlag.put("body", "{\"count\":3}");
        textFlag.put("isBase64Encoded", "true");
        cases.add(gateway(INCOMPLETE_EVENT, textFlag, Expect.PROBLEM, "body", 400));

        ObjectNode notBase64 = event.deepCopy();
        notBase64.put("body", "{\"count\":3}");
        notBase64.put("isBase64Encoded", true);
        cases.add(gateway(INCOMPLETE_EVENT, notBase64, Expect.PROBLEM, "body", 400));
        return cases;
    }

    private List<Case> restEvents() {
        List<Case> cases = new ArrayList<>();
        cases.add(gateway(REST, restEvent("POST", "/rank", null, false), Expect.RANKING));
        cases.add(gateway(REST, restEvent("POST", "/rank", "", false), Expect.RANKING));
        cases.add(gateway(REST, restEvent("POST", "/rank", "e30=", true), Expect.RANKING));
        cases.add(
                gateway(
                        REST,
                        restEvent("POST", "/rank", "{\"count\":3}", true),
                        Expect.PROBLEM,
                        "body",
                        400));
        cases.add(gateway(REST, restEvent("POST", "/rank", "e30", true), Expect.RANKING));
        cases.add(
                gateway(
                        REST,
                        restEvent("POST", "/rank", "e30=\n", true),
                        Expect.PROBLEM,
                        "body",
                        400));
        cases.add(gateway(REST, restEvent("GET", "/rank", null, false), Expect.PROBLEM, null, 405));
        cases.add(gateway(REST, restEvent("post", "/rank", "{}", false), Expect.RANKING));
        cases.add(
                gateway(REST, restEvent("POST", "/ranks", "{}", false), Expect.PROBLEM, null, 404));

        ObjectNode noMethod = restEvent("POST", "/rank", "{}", false);
        noMethod.remove("httpMethod");
        cases.add(plain(REST, noMethod.toString(), Expect.PROBLEM, "event"));

        ObjectNode numberMethod = restEvent("POST", "/rank", "{}", false);
        numberMethod.put("httpMethod", 1);
        cases.add(plain(REST, numberMethod.toString(), Expect.PROBLEM, "event"));

        ObjectNode noPath = restEvent("POST", "/rank", "{}", false);
        noPath.remove("path");
        cases.add(plain(REST, noPath.toString(), Expect.PROBLEM, "event"));

        ObjectNode noContext = restEvent("POST", "/rank", "{\"count\":3}", false);
        noContext.remove("requestContext");
        cases.add(gateway(REST, noContext, Expect.RANKING));

        ObjectNode oddHeaders = restEvent("POST", "/rank", "{\"count\":3}", false);
        oddHeaders.putArray("headers").add("x");
        oddHeaders.putObject("multiValueHeaders").put("Accept", "text/plain").putNull("X");
        oddHeaders.putArray("queryStringParameters");
        oddHeaders.putObject("multiValueQueryStringParameters").putObject("x").put("y", 1);
        oddHeaders
                .withObjectProperty("requestContext")
                .put("requestTimeEpoch", "soon")
                .putArray("identity");
        cases.add(gateway(REST, oddHeaders, Expect.RANKING));

        ObjectNode objectBody = restEvent("POST", "/rank", null, false);
        objectBody.putObject("body").put("count", "3");
        cases.add(gateway(REST, objectBody, Expect.PROBLEM, "body", 400));

        ObjectNode badFields = restEvent("POST", "/rank", "{\"count\":\"3\"}", false);
        cases.add(gateway(REST, badFields, Expect.PROBLEM, "count", 400));
        return cases;
    }

    private List<Case> otherEvents() {
        String[] events = {
            "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{\\\"userId\\\":\\\"17850\\\"}\","
                    + "\"messageId\":\"1\"}]}",
            "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"{}\"}}]}",
            "{\"Records\":[{\"eventSource\":\"aws:s3\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                    + "\"object\":{\"key\":\"k\"}}}]}",
            "{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{}}]}",
            "{\"Records\":[{\"eventSource\":\"aws:kinesis\",\"kinesis\":{\"data\":\"e30=\"}}]}",
            "{\"Records\":[]}",
            "{\"Records\":[1,2]}",
            "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Scheduled Event\","
                    + "\"source\":\"aws.events\",\"detail\":{}}",
            "{\"detail-type\":null,\"detail\":{\"userId\":\"17850\"}}",
            "{\"requestContext\":{\"routeKey\":\"$connect\",\"eventType\":\"CONNECT\","
                    + "\"connectionId\":\"abc\"},\"isBase64Encoded\":false}",
            "{\"awslogs\":{\"data\":\"H4sIAAAAAAAAA\"}}",
            "{\"source\":\"aws.events\",\"detail\":{}}",
        };
        List<Case> cases = new ArrayList<>();
        for (String event : events) {
            cases.add(plain(OTHER_EVENT, event, Expect.PROBLEM, null));
        }
        ObjectNode alb = restEvent("POST", "/rank", "{\"count\":2}", false);
        alb.putObject("requestContext").putObject("elb").put("targetGroupArn", "arn:aws:x");
        cases.add(gateway(OTHER_EVENT, alb, Expect.RANKING));
        return cases;
    }

    private Case wrongType() {
        List<String> fields = WRONG_VALUES.keySet().stream().sorted().toList();
        String field = fields.get(random.nextInt(fields.size()));
        String value = pick(WRONG_VALUES.get(field));
        String base =
                switch (field) {
                    case "candidates" -> "{\"placement\":\"rerank\"}";
                    case "items" -> "{\"placement\":\"related\"}";
                    case "dateTime" -> "{}";
                    default -> validBody();
                };
        String body = withField(base, field, value);
        String category = value.matches("-?[0-9.e]{6,}") ? HUGE : WRONG_TYPE;
        return body(category, body, Expect.PROBLEM, field);
    }

    private Case characters() {
        String[] target = TEXT_FIELDS[random.nextInt(TEXT_FIELDS.length)];
        boolean control = random.nextBoolean();
        String character = pick(control ? CONTROL_CHARACTERS : ODD_CHARACTERS);
        String text = random.nextBoolean() ? "22" + character + "423" : character;
        String body = String.format(target[1], text);
        return body(CHARACTERS, body, control ? Expect.PROBLEM : Expect.EITHER, target[0]);
    }

    private Case truncated() {
        String whole =
                "{\"userId\":\"17850\",\"placement\":\"rerank\",\"candidates\":[\"85123A\","
                        + "\"22423\"],\"boost\":{\"22423\":2.5},\"date\":\"2011-11-15\"}";
        String cut = whole.substring(0, 1 + random.nextInt(whole.length() - 2));
        return gateway(BAD_JSON, post(cut), Expect.PROBLEM, "body", 400);
    }

    /** Random bytes as a base64 body: mostly not UTF-8, never JSON. */
    private Case randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        bytes[0] = (byte) (0x80 | bytes[0]);
        return gateway(BAD_JSON, base64(bytes), Expect.PROBLEM);
    }

    private Case wrongRoute() {
        if (random.nextBoolean()) {
            String method = pick(METHODS);
            ObjectNode event = HttpApiEvent.post("/rank").jsonBody("{}").toJsonNode();
            event.withObjectProperty("requestContext")
                    .withObjectProperty("http")
                    .put("method", method);
            return gateway(ROUTE, event, Expect.PROBLEM, null, 405);
        }
        String path = pick(PATHS);
        ObjectNode event = HttpApiEvent.post(path).jsonBody(validBody()).toJsonNode();
        return gateway(ROUTE, event, Expect.PROBLEM, null, 404);
    }

    private Case unknownFields() {
        String[] names = {"UserId", "user_id", "userid", "count ", "itemIds", "limit", "\\u0000"};
        String name = pick(names);
        String body = withField(validBody(), name, random.nextBoolean() ? "1" : "\"x\"");
        return body(
                UNKNOWN_FIELD, body, Expect.PROBLEM, name.equals("\\u0000") ? "\"\\u0000\"" : name);
    }

    private Case oddValid() {
        String[] bodies = {
            "{\"userId\":\"\\ud83d\\ude00\"}",
            "{\"userId\":\"日本語のユーザー\",\"country\":\"日本\"}",
            "{\"userId\":\"17850\",\"country\":\"\\u202eGB\"}",
            "{\"country\":\"Atlantis\",\"category\":\"🎄\"}",
            "{\"placement\":\"rerank\",\"candidates\":[\"🎄\",\"85123A\",\"85123A\"]}",
            "{\"placement\":\"related\",\"items\":[\"no-such-item\",\"85123A\"]}",
            "{\"category\":\"HOME\",\"inStockOnly\":false,\"excludePurchased\":true}",
            "{\"userId\":\"\",\"count\":100}",
            "{\"boost\":{\"\":2,\"🎄\":0.000001}}",
            "{\"dateTime\":\"2011-11-15T23:30:00+11:00[Australia/Sydney]\",\"timeZone\":\"UTC\"}",
            "{\"userId\":\"' OR '1'='1\",\"country\":\"<script>\"}",
            "{\"userId\":\"17850\",\"date\":\"2011-11-15\",\"count\":1e0}",
        };
        String body = pick(bodies);
        return body(ODD_VALID, body, Expect.RANKING, null);
    }

    /** A valid body with a few fields chosen by the seed. */
    private String validBody() {
        ObjectNode body = JSON.createObjectNode();
        if (random.nextBoolean()) {
            body.put(
                    "userId",
                    random.nextBoolean() ? ModelFixture.KNOWN_SHOPPER : "h" + random.nextInt(99));
        }
        if (random.nextBoolean()) {
            body.put(
                    "date",
                    String.format(
                            "2011-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
        }
        if (random.nextInt(3) == 0) {
            body.put("country", pick(new String[] {"United Kingdom", "GB", "AU", "France"}));
        }
        if (random.nextInt(3) == 0) {
            body.put("count", 1 + random.nextInt(100));
        }
        return body.toString();
    }

    /**
     * A case for a body: sent as an HTTP API event, a REST API event or (when the body is a JSON
     * object) a direct invoke, as the seed chooses.
     */
    private Case body(String category, String body, Expect expect, String field) {
        int status = expect == Expect.PROBLEM ? 400 : 0;
        int route = random.nextInt(4);
        if (route == 0 && isDirectInvoke(body)) {
            return new Case(category, Answer.PLAIN, expect, field, 0, utf8(body));
        }
        if (route == 1) {
            return gateway(
                    category, restEvent("POST", "/rank", body, false), expect, field, status);
        }
        return gateway(category, post(body), expect, field, status);
    }

    /** Whether a body, sent as the payload itself, is taken for a direct invoke. */
    private static boolean isDirectInvoke(String body) {
        try {
            JsonNode node = STRICT.readTree(body);
            return node != null
                    && node.isObject()
                    && !node.has("Records")
                    && !node.has("detail-type")
                    && !node.has("requestContext");
        } catch (Exception e) {
            return false;
        }
    }

    private static Case gateway(String category, ObjectNode event, Expect expect) {
        return gateway(category, event, expect, null, 0);
    }

    private static Case gateway(
            String category, ObjectNode event, Expect expect, String field, int status) {
        return new Case(category, Answer.GATEWAY, expect, field, status, utf8(event.toString()));
    }

    private static Case plain(String category, String payload, Expect expect, String field) {
        return new Case(category, Answer.PLAIN, expect, field, 0, utf8(payload));
    }

    /** Bytes that are not JSON in UTF-8, sent as the payload itself. */
    private static Case bytes(String category, byte[] payload) {
        return new Case(category, Answer.PLAIN, Expect.PROBLEM, "event", 0, payload);
    }

    private static ObjectNode post(String body) {
        return HttpApiEvent.post("/rank").jsonBody(body).toJsonNode();
    }

    private static ObjectNode base64(byte[] body) {
        return HttpApiEvent.post("/rank").base64Body(body, "application/json").toJsonNode();
    }

    /** A REST API proxy event as API Gateway sends one; a null body is sent as JSON null. */
    private static ObjectNode restEvent(String method, String path, String body, boolean base64) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", path);
        event.put("path", path);
        event.put("httpMethod", method);
        event.putObject("headers").put("Content-Type", "application/json");
        event.putObject("multiValueHeaders").putArray("Content-Type").add("application/json");
        event.putNull("queryStringParameters");
        event.putNull("multiValueQueryStringParameters");
        ObjectNode context = event.putObject("requestContext");
        context.put("httpMethod", method);
        context.put("path", "/prod" + path);
        context.put("stage", "prod");
        context.put("requestId", "hostile");
        context.put("requestTimeEpoch", 1321348361000L);
        context.putObject("identity").put("sourceIp", "203.0.113.45");
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    private static String rerank(int candidates, boolean repeated) {
        String ids = repeated ? repeatedIds(candidates) : ids(candidates, 128);
        return "{\"placement\":\"rerank\",\"candidates\":" + ids + "}";
    }

    private static String repeatedIds(int count) {
        return "[" + String.join(",", java.util.Collections.nCopies(count, "\"85123A\"")) + "]";
    }

    /** An array of distinct ids, each {@code length} characters long (5 at least). */
    private static String ids(int count, int length) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = Integer.toString(i);
            ids.add("\"" + "0".repeat(Math.max(0, length - id.length())) + id + "\"");
        }
        return "[" + String.join(",", ids) + "]";
    }

    private static String factors(int count) {
        List<String> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add("\"k" + i + "\":" + (i % 2 == 0 ? "2" : "0.5"));
        }
        return "{" + String.join(",", entries) + "}";
    }

    private static String positions(int count) {
        List<String> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add("\"p" + i + "\":" + (i + 1));
        }
        return "{" + String.join(",", entries) + "}";
    }

    private static String manyUnknownFields(int count) {
        List<String> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add("\"f" + i + "\":0");
        }
        return "{" + String.join(",", entries) + "}";
    }

    private static String allFields(String value) {
        List<String> entries = new ArrayList<>();
        for (String field : WRONG_VALUES.keySet().stream().sorted().toList()) {
            entries.add("\"" + field + "\":" + value);
        }
        return "{" + String.join(",", entries) + "}";
    }

    /** Replaces (or adds) one field of a JSON object; the value is JSON text. */
    private static String withField(String body, String field, String valueJson) {
        String rest = body.equals("{}") ? "}" : "," + body.substring(1);
        return "{\""
                + field
                + "\":"
                + valueJson
                + rest.replaceFirst(",\"" + field + "\":[^,}]*", "");
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The UTF-8 of a text cut after {@code length} bytes, possibly inside a character. */
    private static byte[] utf8(String text, int length) {
        byte[] bytes = utf8(text);
        return java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length));
    }

    /** The case in a line for an assertion message: its category and the payload's start. */
    static String describe(Case c) {
        String text = c.text();
        return c.category() + ": " + (text.length() <= 400 ? text : text.substring(0, 400) + "...");
    }
}
