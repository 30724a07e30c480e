package io.solstice.http.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a direct invoke into the HTTP API event of a {@code POST} with the payload as JSON body, so
 * that it takes exactly the path (validation, storage, error answers) an HTTP request takes.
 */
final class DirectInvokes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DirectInvokes() {}

    /**
     * @param body the invocation's JSON text, sent on as the body
     * @param path the route, from {@link DirectRoutes}
     * @param requestId the Lambda request id, for the function's logs
     */
    static ObjectNode toHttpApi(String body, String path, String requestId) {
        ObjectNode http = NODES.objectNode();
        http.put("method", "POST");
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");

        ObjectNode requestContext = NODES.objectNode();
        requestContext.set("http", http);
        requestContext.put("requestId", requestId);
        requestContext.put("timeEpoch", System.currentTimeMillis());

        ObjectNode event = NODES.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.putObject("headers").put("content-type", "application/json");
        event.set("requestContext", requestContext);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }
}
