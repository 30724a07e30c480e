package io.solstice.http.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.event.FieldError;
import io.solstice.event.JsonSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One Lambda entry point for an HTTP function whatever invokes it. The function's own handler reads
 * API Gateway HTTP API events (payload 2.0) only (Quarkus' lambda-http handler in ingest, {@code
 * RankHttpApi} in rank); this adapter sits in front of it and
 *
 * <ul>
 *   <li>passes HTTP API 2.0 events through unchanged;
 *   <li>turns REST API proxy events (and HTTP API 1.0 events) into 2.0 events and the answer back
 *       into a REST API response;
 *   <li>turns a direct invoke ({@code aws lambda invoke} with a plain JSON payload) into a {@code
 *       POST} on the route its fields choose ({@link DirectRoutes}) and answers with the response
 *       body alone; a 5xx becomes a {@link FunctionFailedException} so that Lambda reports it;
 *   <li>answers anything else (text after the JSON value included), a body that is not a string and
 *       a body marked base64 that is not, with a 400-style body naming what was expected and what
 *       arrived, in the shape of the event where it has one. Never a 500, never an exception for
 *       the client's mistake.
 * </ul>
 */
public final class ApiGatewayAdapter {

    private static final Logger LOG = Logger.getLogger(ApiGatewayAdapter.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a payload; text after the JSON value makes it malformed. */
    private static final ObjectReader PAYLOADS =
            JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String EXPECTED_EVENT =
            "an API Gateway HTTP API (payload 2.0) or REST API proxy event, or a direct invoke"
                    + " such as ";

    private final LambdaStreamHandler http;

    private final DirectRoutes routes;

    /**
     * @param http the handler of HTTP API 2.0 events, e.g. {@code new
     *     QuarkusStreamHandler()::handleRequest}
     * @param routes where direct invokes go
     */
    public ApiGatewayAdapter(LambdaStreamHandler http, DirectRoutes routes) {
        this.http = http;
        this.routes = routes;
    }

    /** Handles one invocation; see the class comment for what each payload gets. */
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        byte[] raw = input.readAllBytes();
        JsonNode payload;
        try {
            payload = PAYLOADS.readTree(raw);
        } catch (JsonProcessingException e) {
            refuse(output, JsonSyntax.describe(e));
            return;
        } catch (CharConversionException e) {
            refuse(
                    output,
                    "bytes that are not text in a Unicode encoding (" + e.getMessage() + ")");
            return;
        }
        if (payload == null || payload.isMissingNode()) {
            refuse(output, "an empty payload");
            return;
        }

        PayloadShape shape = PayloadShape.of(payload, routes);
        LOG.debugf("lambda invocation shape=%s", shape);
        switch (shape) {
            case HTTP_API -> httpApi(raw, payload, output, context);
            case REST_API -> restApi(payload, output, context);
            case DIRECT -> direct(raw, payload, output, context);
            case UNKNOWN -> refuse(output, describe(payload));
        }
    }

    private void httpApi(byte[] raw, JsonNode event, OutputStream output, Context context)
            throws IOException {
        Optional<FieldError> badBody = badBody(event);
        if (badBody.isPresent()) {
            write(output, httpResponse(400, badBody.get()));
            return;
        }
        http.handleRequest(new ByteArrayInputStream(raw), output, context);
    }

    private void restApi(JsonNode event, OutputStream output, Context context) throws IOException {
        Optional<FieldError> badBody = badBody(event);
        if (badBody.isPresent()) {
            write(output, RestApiEvents.toRestResponse(httpResponse(400, badBody.get())));
            return;
        }
        JsonNode answer = call(RestApiEvents.toHttpApi(event), context);
        write(output, RestApiEvents.toRestResponse(answer));
    }

    /**
     * A direct invoke, sent on as the body of a {@code POST}: the payload's own text, so that the
     * function reads exactly what was sent (a number such as {@code 1e400} stays as written).
     */
    private void direct(byte[] raw, JsonNode payload, OutputStream output, Context context)
            throws IOException {
        String path = routes.pathFor(payload).orElseThrow();
        String requestId =
                context == null ? UUID.randomUUID().toString() : context.getAwsRequestId();
        String sent = utf8(raw).orElseGet(payload::toString);
        JsonNode answer = call(DirectInvokes.toHttpApi(sent, path, requestId), context);

        int status = answer.path("statusCode").asInt(500);
        JsonNode body = body(answer);
        if (status >= 500) {
            String error = body.path("error").asText("the function failed with status " + status);
            LOG.errorf("direct invoke failed path=%s status=%d error=%s", path, status, error);
            throw new FunctionFailedException(status, error);
        }
        write(output, body);
    }

    /** The bytes as text when they are UTF-8 (as Lambda sends payloads), else empty. */
    private static Optional<String> utf8(byte[] raw) {
        try {
            return Optional.of(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(raw))
                            .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Runs the HTTP handler on a 2.0 event and reads its 2.0 response. */
    private JsonNode call(ObjectNode event, Context context) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        http.handleRequest(
                new ByteArrayInputStream(JSON.writeValueAsBytes(event)), answer, context);
        return JSON.readTree(answer.toByteArray());
    }

    /** The response body as JSON; a body that is not JSON is wrapped as {@code {"error": ...}}. */
    private static JsonNode body(JsonNode answer) {
        String text = answer.path("body").asText("");
        if (answer.path("isBase64Encoded").asBoolean(false)) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        try {
            JsonNode body = JSON.readTree(text);
            return body == null || body.isMissingNode() ? JSON.createObjectNode() : body;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("error", text);
        }
    }

    /**
     * A body that is not text (API Gateway always sends a string, so the event was written by
     * hand), and a body flagged {@code isBase64Encoded} that does not decode, which Quarkus answers
     * with a 500.
     */
    private Optional<FieldError> badBody(JsonNode event) {
        JsonNode body = event.path("body");
        if (!body.isTextual() && !body.isNull() && !body.isMissingNode()) {
            String got = body.isContainerNode() ? "an " + kind(body) : "a JSON " + kind(body);
            return Optional.of(
                    new FieldError(
                            "body",
                            "a string holding the request's JSON text, such as " + routes.example(),
                            got));
        }
        if (!event.path("isBase64Encoded").asBoolean(false) || !body.isTextual()) {
            return Optional.empty();
        }
        try {
            Base64.getDecoder().decode(event.path("body").textValue());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(
                    new FieldError(
                            "body",
                            "base64 text, since isBase64Encoded is true",
                            "text that is not base64 (" + e.getMessage() + ")"));
        }
    }

    private void refuse(OutputStream output, String got) throws IOException {
        FieldError error = new FieldError("event", EXPECTED_EVENT + routes.example(), got);
        LOG.infof("lambda invocation refused error=%s", error.message());
        write(output, errorBody("the function cannot handle this payload", error));
    }

    /** What arrived, said short: the kind of AWS event, or the JSON type and its fields. */
    static String describe(JsonNode payload) {
        if (payload.path("Records").isArray()) {
            String source = payload.path("Records").path(0).path("eventSource").asText("");
            if (source.isEmpty()) {
                source = payload.path("Records").path(0).path("EventSource").asText("unknown");
            }
            return "an event with Records from " + source;
        }
        if (payload.has("detail-type")) {
            return "an EventBridge event (detail-type \""
                    + payload.path("detail-type").asText()
                    + "\")";
        }
        if (payload.has("requestContext")) {
            return "an event with a requestContext but neither requestContext.http (2.0) nor"
                    + " httpMethod and path (REST API)";
        }
        if (!payload.isObject()) {
            return "a JSON " + payload.getNodeType().name().toLowerCase();
        }
        List<String> fields = new ArrayList<>();
        payload.fieldNames().forEachRemaining(name -> fields.add(abbreviate(name)));
        return fields.isEmpty()
                ? "an empty object"
                : "an object with fields "
                        + String.join(", ", fields.subList(0, Math.min(8, fields.size())));
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }

    private static ObjectNode errorBody(String sentence, FieldError error) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", sentence);
        ObjectNode entry = body.putArray("errors").addObject();
        entry.put("field", error.field());
        entry.put("expected", error.expected());
        entry.put("got", error.got());
        entry.put("message", error.message());
        return body;
    }

    private static ObjectNode httpResponse(int status, FieldError error) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", status);
        response.putObject("headers").put("content-type", "application/json");
        response.put(
                "body",
                JSON.writeValueAsString(errorBody("the request body is unreadable", error)));
        response.put("isBase64Encoded", false);
        return response;
    }

    private static void write(OutputStream output, JsonNode answer) throws IOException {
        output.write(JSON.writeValueAsBytes(answer));
        output.flush();
    }
}
