package io.solstice.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds an Amazon API Gateway HTTP API event, payload format version 2.0, shaped like the ones API
 * Gateway sends to a Lambda integration (version, routeKey, rawPath, rawQueryString, headers,
 * requestContext with http.method/path/sourceIp, body, isBase64Encoded).
 *
 * <pre>{@code
 * String event = HttpApiEvent.post("/events").jsonBody("{\"events\":[]}").toJson();
 * }</pre>
 */
public final class HttpApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private static final String API_ID = "solstice01";

    private final String method;

    private final String path;

    private final Map<String, String> headers = new LinkedHashMap<>();

    private String rawQueryString = "";

    private String routeKey = "$default";

    private String sourceIp = "203.0.113.10";

    private String body;

    private boolean base64Encoded;

    private Instant time = Instant.now();

    private HttpApiEvent(String method, String path) {
        this.method = method;
        this.path = path;
        headers.put("accept", "application/json");
        headers.put("host", API_ID + ".execute-api.us-east-1.amazonaws.com");
        headers.put("user-agent", "solstice-local/1.0");
        headers.put("x-forwarded-for", sourceIp);
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
    }

    /** A POST to the path, e.g. {@code /events}. */
    public static HttpApiEvent post(String path) {
        return new HttpApiEvent("POST", path);
    }

    /** A GET of the path. */
    public static HttpApiEvent get(String path) {
        return new HttpApiEvent("GET", path);
    }

    /** Sets a header; names are stored lower-case as API Gateway does. */
    public HttpApiEvent header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /** Sets the raw query string, without the leading {@code ?}. */
    public HttpApiEvent rawQueryString(String query) {
        this.rawQueryString = query;
        return this;
    }

    /** Sets the route key; {@code $default} unless the API routes by method and path. */
    public HttpApiEvent routeKey(String key) {
        this.routeKey = key;
        return this;
    }

    /** Sets the caller's address, reported as requestContext.http.sourceIp. */
    public HttpApiEvent sourceIp(String ip) {
        this.sourceIp = ip;
        headers.put("x-forwarded-for", ip);
        return this;
    }

    /** Sets the time of the request. */
    public HttpApiEvent time(Instant requestTime) {
        this.time = requestTime;
        return this;
    }

    /** Sets a JSON text body, sent as is, with content type application/json. */
    public HttpApiEvent jsonBody(String json) {
        header("content-type", "application/json");
        header("content-length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
        this.body = json;
        this.base64Encoded = false;
        return this;
    }

    /** Sets a body that API Gateway passes base64-encoded, as it does for binary media types. */
    public HttpApiEvent base64Body(byte[] content, String contentType) {
        header("content-type", contentType);
        header("content-length", Integer.toString(content.length));
        this.body = Base64.getEncoder().encodeToString(content);
        this.base64Encoded = true;
        return this;
    }

    /** The event as a JSON tree. */
    public ObjectNode toJsonNode() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQueryString);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);

        event.set("requestContext", requestContext());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", base64Encoded);
        return event;
    }

    /** The event as JSON text. */
    public String toJson() {
        return toJsonNode().toString();
    }

    private ObjectNode requestContext() {
        ObjectNode context = JSON.createObjectNode();
        context.put("accountId", "000000000000");
        context.put("apiId", API_ID);
        context.put("domainName", headers.get("host"));
        context.put("domainPrefix", API_ID);

        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.get("user-agent"));

        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());
        return context;
    }
}
