package io.solstice.http.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each kind of payload becomes on its way to the HTTP handler (a fake that records the 2.0
 * event and answers a canned 2.0 response) and what the caller gets back.
 */
class ApiGatewayAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DirectRoutes ROUTES =
            DirectRoutes.byField(
                    Map.of("events", "/events", "items", "/catalog"),
                    "{\"events\":[...]} or {\"items\":[...]}");

    private final List<JsonNode> received = new ArrayList<>();

    private int status = 207;

    private final ApiGatewayAdapter adapter =
            new ApiGatewayAdapter(
                    (input, output, context) -> {
                        received.add(JSON.readTree(input));
                        String body = "{\"accepted\":1,\"error\":\"storage is unavailable\"}";
                        output.write(
                                JSON.writeValueAsBytes(
                                        Map.of(
                                                "statusCode",
                                                status,
                                                "headers",
                                                Map.of("content-type", "application/json"),
                                                "cookies",
                                                List.of("a=1"),
                                                "body",
                                                body,
                                                "isBase64Encoded",
                                                false)));
                    },
                    ROUTES);

    @Test
    void aRestApiEventReachesTheHandlerAsAnHttpApiEventAndIsAnsweredAsARestApiResponse()
            throws IOException {
        // given
        String event =
                """
                {"resource":"/events","path":"/events","httpMethod":"POST",
                 "headers":{"Content-Type":"application/json"},
                 "multiValueHeaders":{"Content-Type":["application/json"],"X-Tag":["a","b"]},
                 "queryStringParameters":{"dry run":"yes & no"},
                 "multiValueQueryStringParameters":{"dry run":["yes & no"]},
                 "requestContext":{"requestId":"r-1","stage":"prod","requestTimeEpoch":1700000000000,
                   "identity":{"sourceIp":"203.0.113.9","userAgent":"curl/8"}},
                 "body":"eyJldmVudHMiOltdfQ==","isBase64Encoded":true}
                """;

        // when
        JsonNode answer = invoke(event);

        // then
        JsonNode sent = received.get(0);
        assertThat(sent.path("version").asText()).isEqualTo("2.0");
        assertThat(sent.at("/requestContext/http/method").asText()).isEqualTo("POST");
        assertThat(sent.path("rawPath").asText()).isEqualTo("/events");
        assertThat(sent.path("rawQueryString").asText()).isEqualTo("dry%20run=yes%20%26%20no");
        assertThat(sent.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(sent.at("/headers/x-tag").asText()).isEqualTo("a,b");
        assertThat(sent.at("/requestContext/http/sourceIp").asText()).isEqualTo("203.0.113.9");
        assertThat(sent.at("/requestContext/requestId").asText()).isEqualTo("r-1");
        assertThat(sent.path("body").asText()).isEqualTo("eyJldmVudHMiOltdfQ==");
        assertThat(sent.path("isBase64Encoded").asBoolean()).isTrue();

        assertThat(answer.path("statusCode").asInt()).isEqualTo(207);
        assertThat(answer.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(answer.at("/multiValueHeaders/Set-Cookie/0").asText()).isEqualTo("a=1");
        assertThat(JSON.readTree(answer.path("body").asText()).path("accepted").asInt())
                .isEqualTo(1);
        assertThat(answer.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void anHttpApiEventPassesThroughUnchanged() throws IOException {
        // given
        String event =
                "{\"version\":\"2.0\",\"rawPath\":\"/events\",\"requestContext\":{\"http\":"
                        + "{\"method\":\"POST\",\"path\":\"/events\"}},\"body\":\"{}\"}";

        // when
        JsonNode answer = invoke(event);

        // then
        assertThat(received).containsExactly(JSON.readTree(event));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(207);
        assertThat(answer.path("cookies").get(0).asText()).isEqualTo("a=1");
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"events\":[{\"eventId\":\"e1\"}]} | /events",
                "{\"items\":[]}                      | /catalog",
                "{\"events\":5}                      | /events"
            })
    void aDirectInvokeIsAPostOnTheRouteItsFieldChoosesAnsweredWithTheBodyAlone(
            String payload, String path) throws IOException {
        // when
        JsonNode answer = invoke(payload);

        // then
        JsonNode sent = received.get(0);
        assertThat(sent.at("/requestContext/http/method").asText()).isEqualTo("POST");
        assertThat(sent.path("rawPath").asText()).isEqualTo(path);
        assertThat(JSON.readTree(sent.path("body").asText())).isEqualTo(JSON.readTree(payload));
        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.has("statusCode")).isFalse();
    }

    @Test
    void aDirectInvokeReachesTheFunctionAsWrittenNotAsJacksonWouldWriteItAgain()
            throws IOException {
        // given a number no double holds, which a parse and rewrite would turn into Infinity
        String payload = "{\"events\": [{\"quantity\": 1e400}]}";

        // when
        invoke(payload);

        // then
        assertThat(received.get(0).path("body").asText()).isEqualTo(payload);
    }

    @Test
    void aDirectInvokeThatFailsOnTheFunctionsSideIsAFunctionErrorSoLambdaRetriesIt() {
        // given
        status = 503;

        // when, then
        assertThatThrownBy(() -> invoke("{\"events\":[]}"))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessage("storage is unavailable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}"
                        + " | an event with Records from aws:sqs",
                "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"events\":[]}"
                        + " | an EventBridge event (detail-type \"Scheduled Event\")",
                "{\"version\":\"2.0\",\"requestContext\":{}}"
                        + " | an event with a requestContext but neither requestContext.http (2.0)"
                        + " nor httpMethod and path (REST API)",
                "{\"userId\":\"u1\",\"count\":3} | an object with fields userId, count",
                "{}                              | an empty object",
                "{\"events\":[],\"items\":[]}     | an object with fields events, items",
                "[{\"events\":[]}]               | a JSON array",
                "\"events\"                      | a JSON string",
                "{\"events\":[                   | malformed JSON (Unexpected end-of-input: expected"
                        + " close marker for Array at line 1, column 12)",
                "''                              | an empty payload"
            })
    void aPayloadOfAnotherShapeGetsA400StyleAnswerNamingWhatArrivedAndNothingIsCalled(
            String payload, String got) throws IOException {
        // when
        JsonNode answer = invoke(payload);

        // then
        assertThat(received).isEmpty();
        assertThat(answer.path("error").asText())
                .isEqualTo("the function cannot handle this payload");
        JsonNode error = answer.path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("event");
        assertThat(error.path("expected").asText())
                .startsWith("an API Gateway HTTP API (payload 2.0) or REST API proxy event")
                .endsWith("{\"events\":[...]} or {\"items\":[...]}");
        assertThat(error.path("got").asText()).isEqualTo(got);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"version\":\"2.0\",\"rawPath\":\"/events\",\"requestContext\":{\"http\":"
                        + "{\"method\":\"POST\"}},\"body\":\"%%%\",\"isBase64Encoded\":true}"
                        + " | statusCode",
                "{\"httpMethod\":\"POST\",\"path\":\"/events\",\"requestContext\":{},"
                        + "\"body\":\"%%%\",\"isBase64Encoded\":true} | multiValueHeaders"
            })
    void aBodyFlaggedBase64ThatIsNotIsA400InTheEventsOwnShape(String event, String shapeField)
            throws IOException {
        // when
        JsonNode answer = invoke(event);

        // then
        assertThat(received).isEmpty();
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.has(shapeField)).isTrue();
        JsonNode body = JSON.readTree(answer.path("body").asText());
        assertThat(body.at("/errors/0/message").asText())
                .startsWith(
                        "body: expected base64 text, since isBase64Encoded is true, got text that"
                                + " is not base64");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"version\":\"2.0\",\"rawPath\":\"/events\",\"requestContext\":{\"http\":"
                        + "{\"method\":\"POST\"}},\"body\":{\"events\":[]}} | an object",
                "{\"httpMethod\":\"POST\",\"path\":\"/events\",\"body\":42} | a JSON number"
            })
    void aBodyThatIsNotAStringIsA400InsteadOfAnEmptyBody(String event, String got)
            throws IOException {
        // when: a hand-written event, since API Gateway always sends the body as a string
        JsonNode answer = invoke(event);

        // then
        assertThat(received).isEmpty();
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.path("body").asText()).at("/errors/0");
        assertThat(error.path("field").asText()).isEqualTo("body");
        assertThat(error.path("expected").asText())
                .isEqualTo("a string holding the request's JSON text, such as " + ROUTES.example());
        assertThat(error.path("got").asText()).isEqualTo(got);
    }

    @Test
    void textAfterThePayloadsJsonValueIsRefusedInsteadOfIgnored() throws IOException {
        // when
        JsonNode answer = invoke("{\"events\":[]} {\"events\":[{}]}");

        // then
        assertThat(received).isEmpty();
        assertThat(answer.at("/errors/0/field").asText()).isEqualTo("event");
        assertThat(answer.at("/errors/0/got").asText())
                .startsWith("malformed JSON (Trailing token");
    }

    @Test
    void bytesThatLookLikeUtf32ButAreNotAreRefusedInsteadOfFailingTheFunction() throws IOException {
        // given: '[' in UTF-32, then a character above U+10FFFF
        byte[] payload = {0, 0, 0, '[', (byte) 0xff, (byte) 0xff, 0, 0};

        // when
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        adapter.handleRequest(new ByteArrayInputStream(payload), output, null);

        // then
        JsonNode answer = JSON.readTree(output.toByteArray());
        assertThat(received).isEmpty();
        assertThat(answer.at("/errors/0/field").asText()).isEqualTo("event");
        assertThat(answer.at("/errors/0/got").asText()).startsWith("bytes that are not text");
    }

    private JsonNode invoke(String payload) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        adapter.handleRequest(
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), output, null);
        return JSON.readTree(output.toByteArray());
    }
}
