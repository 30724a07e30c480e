package io.solstice.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.solstice.local.internal.RuntimeExchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * An emulator of the AWS Lambda Runtime API on a loopback port, so that a packaged function (e.g.
 * {@code java -jar target/quarkus-app/quarkus-run.jar} with {@code AWS_LAMBDA_RUNTIME_API=}{@link
 * #address()}) can be invoked locally with real event JSON.
 *
 * <p>It serves {@code GET /2018-06-01/runtime/invocation/next} (long poll), {@code POST
 * .../invocation/{id}/response}, {@code POST .../invocation/{id}/error} and {@code POST
 * .../init/error}. {@link #invoke} queues an event and waits for the function's answer; it may be
 * called from several threads, and several function processes may poll the same runtime.
 */
public final class LocalLambdaRuntime implements AutoCloseable {

    /** The function ARN announced to the function with every invocation. */
    public static final String FUNCTION_ARN =
            "arn:aws:lambda:us-east-1:000000000000:function:solstice-local";

    static final String BASE_PATH = "/2018-06-01/runtime/";

    private static final Logger LOG = Logger.getLogger(LocalLambdaRuntime.class);

    private static final Duration POLL_SLICE = Duration.ofMillis(200);

    static {
        // The JDK's HttpServer leaves Nagle's algorithm on unless told otherwise: every small
        // answer to the function's runtime client then waits for a delayed ACK, about 45 ms per
        // exchange and 90 ms per invocation on loopback, which the Lambda service does not add.
        // Read once, when the first HttpServer is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;

    private final ExecutorService executor;

    private final BlockingDeque<Invocation> queue = new LinkedBlockingDeque<>();

    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();

    private final CountDownLatch firstPoll = new CountDownLatch(1);

    private final AtomicReference<String> initError = new AtomicReference<>();

    private volatile boolean closed;

    private LocalLambdaRuntime(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the emulator on a free loopback port. */
    public static LocalLambdaRuntime start() {
        ExecutorService executor = Executors.newCachedThreadPool(LocalLambdaRuntime::daemon);
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            HttpServer server = HttpServer.create(address, 0);
            LocalLambdaRuntime runtime = new LocalLambdaRuntime(server, executor);

            server.createContext(BASE_PATH, runtime::handle);
            server.setExecutor(executor);
            server.start();
            LOG.infof("lambda runtime api started address=%s", runtime.address());
            return runtime;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the Lambda runtime API emulator", e);
        }
    }

    /** The {@code host:port} value for the function's {@code AWS_LAMBDA_RUNTIME_API} variable. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The loopback port the emulator listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Queues an event, waits for a function to take it and answer, and returns the response JSON.
     *
     * @param eventJson the event as the Lambda service would send it
     * @param timeout how long to wait for the response, counting time spent in the queue; also
     *     announced to the function as its deadline
     * @throws LambdaInvocationException when the function reports an error, failed to initialise,
     *     or does not answer in time
     */
    public String invoke(String eventJson, Duration timeout) {
        failIfUnusable();
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), eventJson, timeout);
        queue.add(invocation);

        try {
            return invocation.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            queue.remove(invocation);
            String problem = "no response within " + timeout + " (" + status() + ")";
            invocation.fail(problem);
            throw new LambdaInvocationException(invocation.requestId, problem);
        } catch (ExecutionException e) {
            throw (LambdaInvocationException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaInvocationException(invocation.requestId, "interrupted while waiting");
        }
    }

    /**
     * Waits until a function has asked for its first invocation, which shows it initialised.
     *
     * @return true when a function polled within the timeout
     * @throws LambdaInvocationException when the function reported an init error
     */
    public boolean awaitFirstPoll(Duration timeout) {
        try {
            boolean polled = firstPoll.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            failIfUnusable();
            return polled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The init error a function reported, if any: its error type and message. */
    public Optional<String> initError() {
        return Optional.ofNullable(initError.get());
    }

    /** Stops serving; queued and in-flight invocations fail. */
    @Override
    public void close() {
        closed = true;
        failAll("the runtime API emulator was closed");
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE_PATH.length());
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();

            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initFailed(exchange, body);
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                complete(exchange, path.substring("invocation/".length()), body);
            } else {
                RuntimeExchanges.respond(exchange, 404, RuntimeExchanges.error("unknown path"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.countDown();
        Invocation invocation = take();
        if (invocation == null) {
            RuntimeExchanges.respond(exchange, 503, RuntimeExchanges.error("runtime closed"));
            return;
        }

        inFlight.put(invocation.requestId, invocation);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", invocation.traceId());
        try {
            RuntimeExchanges.respond(exchange, 200, invocation.event);
        } catch (IOException pollerGone) {
            inFlight.remove(invocation.requestId);
            queue.addFirst(invocation);
            throw pollerGone;
        }
    }

    private Invocation take() {
        while (!closed) {
            try {
                Invocation next = queue.poll(POLL_SLICE.toMillis(), TimeUnit.MILLISECONDS);
                if (next != null && !next.result.isDone()) {
                    return next;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void complete(HttpExchange exchange, String rest, byte[] body) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String outcome = slash < 0 ? "" : rest.substring(slash + 1);
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null || !(outcome.equals("response") || outcome.equals("error"))) {
            String problem = "unknown invocation " + requestId + "/" + outcome;
            RuntimeExchanges.respond(exchange, 404, RuntimeExchanges.error(problem));
            return;
        }

        String text = new String(body, StandardCharsets.UTF_8);
        if (outcome.equals("response")) {
            invocation.result.complete(text);
        } else {
            String type =
                    exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            invocation.result.completeExceptionally(
                    new LambdaInvocationException(
                            requestId,
                            "function error " + (type == null ? "" : type) + ": " + text));
        }
        RuntimeExchanges.respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void initFailed(HttpExchange exchange, byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        initError.set(text);
        LOG.errorf("lambda init error reported error=%s", text);
        failAll("the function failed to initialise: " + text);
        RuntimeExchanges.respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void failIfUnusable() {
        if (closed) {
            throw new LambdaInvocationException(null, "the runtime API emulator is closed");
        }
        String error = initError.get();
        if (error != null) {
            throw new LambdaInvocationException(
                    null, "the function failed to initialise: " + error);
        }
    }

    private void failAll(String reason) {
        for (Invocation invocation : queue) {
            invocation.fail(reason);
        }
        queue.clear();
        inFlight.values().forEach(invocation -> invocation.fail(reason));
        inFlight.clear();
    }

    private String status() {
        return "queued="
                + queue.size()
                + " inFlight="
                + inFlight.size()
                + " polled="
                + (firstPoll.getCount() == 0);
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "lambda-runtime-api");
        thread.setDaemon(true);
        return thread;
    }

    /** One queued or running invocation. */
    private static final class Invocation {

        private final String requestId;

        private final byte[] event;

        private final long deadlineEpochMs;

        private final CompletableFuture<String> result = new CompletableFuture<>();

        Invocation(String requestId, String eventJson, Duration timeout) {
            this.requestId = requestId;
            this.event = eventJson.getBytes(StandardCharsets.UTF_8);
            this.deadlineEpochMs = System.currentTimeMillis() + timeout.toMillis();
        }

        String traceId() {
            return "Root=1-" + Long.toHexString(deadlineEpochMs / 1000) + "-" + requestId;
        }

        void fail(String reason) {
            result.completeExceptionally(new LambdaInvocationException(requestId, reason));
        }
    }
}
