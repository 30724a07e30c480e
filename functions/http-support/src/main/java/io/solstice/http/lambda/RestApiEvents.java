package io.solstice.http.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates between API Gateway REST API proxy payloads (format 1.0) and HTTP API payloads (format
 * 2.0), the only format Quarkus' lambda-http handler reads. The request keeps its method, path,
 * query, headers and body (base64 or not); the response keeps its status, headers and body.
 *
 * <p>Not carried over: the REST API authorizer context (its shape differs from the HTTP API's
 * JWT/Lambda authorizers); no Solstice function reads it.
 */
final class RestApiEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RestApiEvents() {}

    /** The HTTP API 2.0 event for a REST API proxy event. */
    static ObjectNode toHttpApi(JsonNode rest) {
        String method = rest.path("httpMethod").asText();
        String path = rest.path("path").asText();
        JsonNode context = rest.path("requestContext");

        ObjectNode http = NODES.objectNode();
        http.put("method", method.toUpperCase(Locale.ROOT));
        http.put("path", path);
        http.put("protocol", context.path("protocol").asText("HTTP/1.1"));
        http.put("sourceIp", context.path("identity").path("sourceIp").asText("127.0.0.1"));
        copyText(context.path("identity"), "userAgent", http, "userAgent");

        ObjectNode requestContext = NODES.objectNode();
        requestContext.set("http", http);
        copyText(context, "requestId", requestContext, "requestId");
        copyText(context, "accountId", requestContext, "accountId");
        copyText(context, "apiId", requestContext, "apiId");
        copyText(context, "stage", requestContext, "stage");
        copyText(context, "domainName", requestContext, "domainName");
        if (context.path("requestTimeEpoch").canConvertToLong()) {
            requestContext.put("timeEpoch", context.path("requestTimeEpoch").asLong());
        }

        ObjectNode event = NODES.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", queryString(rest));
        event.set("headers", headers(rest));
        event.set("requestContext", requestContext);
        if (rest.path("body").isTextual()) {
            event.put("body", rest.path("body").textValue());
        }
        event.put("isBase64Encoded", rest.path("isBase64Encoded").asBoolean(false));
        return event;
    }

    /** The REST API proxy response for an HTTP API 2.0 response. */
    static ObjectNode toRestResponse(JsonNode httpApi) {
        ObjectNode headers = NODES.objectNode();
        ObjectNode multiValueHeaders = NODES.objectNode();
        httpApi.path("headers")
                .fields()
                .forEachRemaining(
                        h -> {
                            headers.put(h.getKey(), h.getValue().asText());
                            multiValueHeaders.putArray(h.getKey()).add(h.getValue().asText());
                        });
        httpApi.path("multiValueHeaders")
                .fields()
                .forEachRemaining(h -> multiValueHeaders.set(h.getKey(), h.getValue()));
        if (httpApi.path("cookies").isArray() && !httpApi.path("cookies").isEmpty()) {
            multiValueHeaders.set("Set-Cookie", httpApi.path("cookies"));
        }

        ObjectNode response = NODES.objectNode();
        response.put("statusCode", httpApi.path("statusCode").asInt(500));
        response.set("headers", headers);
        response.set("multiValueHeaders", multiValueHeaders);
        response.put("body", httpApi.path("body").asText(""));
        response.put("isBase64Encoded", httpApi.path("isBase64Encoded").asBoolean(false));
        return response;
    }

    /**
     * The headers as an HTTP API event has them: lower-case names, several values joined by commas.
     * {@code multiValueHeaders} wins over {@code headers} when both are present.
     */
    private static ObjectNode headers(JsonNode rest) {
        ObjectNode headers = NODES.objectNode();
        rest.path("headers")
                .fields()
                .forEachRemaining(h -> put(headers, h.getKey(), List.of(h.getValue())));
        rest.path("multiValueHeaders")
                .fields()
                .forEachRemaining(h -> put(headers, h.getKey(), values(h.getValue())));
        return headers;
    }

    private static void put(ObjectNode headers, String name, List<JsonNode> values) {
        List<String> texts =
                values.stream().filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
        if (!texts.isEmpty()) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(",", texts));
        }
    }

    /** The raw query string, encoded again: REST API events carry the decoded parameters. */
    private static String queryString(JsonNode rest) {
        List<String> pairs = new ArrayList<>();
        JsonNode multi = rest.path("multiValueQueryStringParameters");
        JsonNode single = rest.path("queryStringParameters");
        JsonNode parameters = multi.isObject() ? multi : single;
        for (Map.Entry<String, JsonNode> parameter : iterable(parameters)) {
            for (JsonNode value : values(parameter.getValue())) {
                pairs.add(encode(parameter.getKey()) + "=" + encode(value.asText()));
            }
        }
        return String.join("&", pairs);
    }

    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isNull() && !node.isMissingNode()) {
            values.add(node);
        }
        return values;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void copyText(JsonNode from, String field, ObjectNode to, String as) {
        if (from.path(field).isTextual()) {
            to.put(as, from.path(field).textValue());
        }
    }
}
