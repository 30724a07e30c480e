package io.solstice.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for answering on a {@link HttpExchange} with JSON. */
public final class RuntimeExchanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeExchanges() {}

    /** Sends a JSON body with the status. */
    public static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a JSON body with the status. */
    public static void respond(HttpExchange exchange, int status, byte[] json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length == 0 ? -1 : json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** A Runtime API style error body: {@code {"errorType":"...","errorMessage":"..."}}. */
    public static String error(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorType", "InvalidRequest");
        node.put("errorMessage", message);
        return node.toString();
    }
}
