package io.solstice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * An HTTP proxy in front of a DynamoDB stand-in that misbehaves on purpose, at the wire, the way
 * DynamoDB does under load: for the next BatchWriteItem calls it was given faults for, it either
 * forwards only half of the put and delete requests and answers the rest as {@code
 * UnprocessedItems}, or forwards nothing and answers a 400 {@code
 * ProvisionedThroughputExceededException} or {@code ThrottlingException}. Every other call, and
 * every BatchWriteItem once the faults are used up, passes through unchanged.
 *
 * <p>It counts, per key value, the put requests it forwarded, so a test can show that each item
 * reached the store exactly once. Built on the JDK's HTTP server and client only.
 */
public final class FaultyDynamoDbProxy implements AutoCloseable {

    /** What the proxy does to one BatchWriteItem call. */
    public enum Fault {
        /** Forward the first half of each table's requests, answer the rest as unprocessed. */
        HALF_UNPROCESSED,
        /** Forward nothing, answer 400 ProvisionedThroughputExceededException. */
        PROVISIONED_THROUGHPUT_EXCEEDED,
        /** Forward nothing, answer 400 ThrottlingException. */
        THROTTLING
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BATCH_WRITE = "DynamoDB_20120810.BatchWriteItem";

    private static final Set<String> UNFORWARDED_HEADERS =
            Set.of(
                    "host",
                    "content-length",
                    "connection",
                    "expect",
                    "upgrade",
                    "transfer-encoding");

    private final HttpServer server;

    private final HttpClient client = HttpClient.newHttpClient();

    private final URI target;

    private final String keyAttribute;

    private final Deque<Fault> faults = new ArrayDeque<>();

    private final AtomicInteger injected = new AtomicInteger();

    private final Map<String, AtomicInteger> forwardedPuts = new ConcurrentHashMap<>();

    private FaultyDynamoDbProxy(HttpServer server, URI target, String keyAttribute) {
        this.server = server;
        this.target = target;
        this.keyAttribute = keyAttribute;
    }

    /**
     * Starts the proxy on a free loopback port.
     *
     * @param target the stand-in's endpoint, e.g. {@link LocalDynamoDb#endpoint()}
     * @param keyAttribute the string key attribute whose forwarded puts are counted, e.g. {@code
     *     eventId}
     */
    public static FaultyDynamoDbProxy start(URI target, String keyAttribute) {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FaultyDynamoDbProxy proxy = new FaultyDynamoDbProxy(server, target, keyAttribute);
            server.createContext("/", proxy::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, FaultyDynamoDbProxy::daemon));
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the DynamoDB fault proxy", e);
        }
    }

    /** The endpoint to give SDK clients instead of the stand-in's. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues faults, one per coming BatchWriteItem call, in order. */
    public synchronized void failBatchWrites(List<Fault> next) {
        faults.addAll(next);
    }

    /** Drops the faults not used yet. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** How many faults were injected so far. */
    public int faultsInjected() {
        return injected.get();
    }

    /** How many queued faults are not used yet. */
    public synchronized int faultsPending() {
        return faults.size();
    }

    /** How many times a put request for each key value was forwarded to the stand-in. */
    public Map<String, Integer> forwardedPuts() {
        Map<String, Integer> counts = new HashMap<>();
        forwardedPuts.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Fault fault = BATCH_WRITE.equals(operation) ? nextFault() : null;
            if (fault == null) {
                Answer answer = forward(exchange, body);
                if (BATCH_WRITE.equals(operation) && answer.status() == 200) {
                    countPuts(JSON.readTree(body));
                }
                answer.send(exchange);
            } else {
                injected.incrementAndGet();
                inject(fault, exchange, body).send(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private Answer inject(Fault fault, HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        return switch (fault) {
            case PROVISIONED_THROUGHPUT_EXCEEDED ->
                    error(
                            "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                            "The level of configured provisioned throughput for the table was"
                                    + " exceeded (injected by FaultyDynamoDbProxy)");
            case THROTTLING ->
                    error(
                            "com.amazon.coral.availability#ThrottlingException",
                            "Rate of requests exceeds the allowed throughput (injected by"
                                    + " FaultyDynamoDbProxy)");
            case HALF_UNPROCESSED -> halfUnprocessed(exchange, body);
        };
    }

    /** Forwards the first half of each table's requests; the rest come back as unprocessed. */
    private Answer halfUnprocessed(HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        ObjectNode forwarded = JSON.createObjectNode();
        ObjectNode unprocessed = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> tables = request.path("RequestItems").fields();
                tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            ArrayNode writes = (ArrayNode) table.getValue();
            int half = writes.size() / 2;
            ArrayNode sent = forwarded.putArray(table.getKey());
            ArrayNode kept = unprocessed.putArray(table.getKey());
            for (int i = 0; i < writes.size(); i++) {
                (i < half ? sent : kept).add(writes.get(i));
            }
            if (sent.isEmpty()) {
                forwarded.remove(table.getKey());
            }
        }

        if (!forwarded.isEmpty()) {
            request.set("RequestItems", forwarded);
            Answer answer = forward(exchange, JSON.writeValueAsBytes(request));
            if (answer.status() != 200) {
                return answer;
            }
            countPuts(request);
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("UnprocessedItems", unprocessed);
        return Answer.json(200, JSON.writeValueAsBytes(response));
    }

    private Answer forward(HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                        .method(
                                exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) -> {
                            if (!UNFORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                                values.forEach(value -> request.header(name, value));
                            }
                        });
        HttpResponse<byte[]> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return Answer.json(response.statusCode(), response.body());
    }

    private void countPuts(JsonNode request) {
        request.path("RequestItems")
                .forEach(
                        writes ->
                                writes.forEach(
                                        write -> {
                                            JsonNode key =
                                                    write.at(
                                                            "/PutRequest/Item/"
                                                                    + keyAttribute
                                                                    + "/S");
                                            if (key.isTextual()) {
                                                forwardedPuts
                                                        .computeIfAbsent(
                                                                key.textValue(),
                                                                k -> new AtomicInteger())
                                                        .incrementAndGet();
                                            }
                                        }));
    }

    private static Answer error(String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        return Answer.json(400, JSON.writeValueAsBytes(body));
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "dynamodb-fault-proxy");
        thread.setDaemon(true);
        return thread;
    }

    /** A response to send back, with the CRC32 header the SDK checks. */
    private record Answer(int status, byte[] body) {

        static Answer json(int status, byte[] body) {
            return new Answer(status, body);
        }

        void send(HttpExchange exchange) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(body);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }

        @Override
        public String toString() {
            return status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }
}
