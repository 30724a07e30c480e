package io.solstice.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda function's answer to an API Gateway HTTP API (payload 2.0) event, as returned by {@link
 * LocalLambdaRuntime#invoke}.
 *
 * @param statusCode the HTTP status
 * @param headers response headers (single-valued form)
 * @param body the body as text, decoded from base64 when the function encoded it
 */
public record HttpApiResponse(int statusCode, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the function's response JSON.
     *
     * @throws IllegalArgumentException when the text is not a response object with a statusCode
     */
    public static HttpApiResponse parse(String responseJson) {
        JsonNode node = readTree(responseJson);
        if (!node.path("statusCode").isInt()) {
            throw new IllegalArgumentException(
                    "not an HTTP API response: " + abbreviate(responseJson));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers")
                .fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new HttpApiResponse(node.get("statusCode").asInt(), headers, body(node));
    }

    /** A header's value, looked up ignoring case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The body parsed as JSON. */
    public JsonNode bodyJson() {
        return readTree(body);
    }

    private static String body(JsonNode node) {
        JsonNode body = node.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return "";
        }
        if (node.path("isBase64Encoded").asBoolean(false)) {
            return new String(Base64.getDecoder().decode(body.asText()), StandardCharsets.UTF_8);
        }
        return body.asText();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
