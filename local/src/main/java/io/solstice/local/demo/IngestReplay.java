package io.solstice.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.LambdaInvocationException;
import io.solstice.local.LocalLambdaRuntime;
import io.solstice.local.internal.Sleeper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Replays interactions and a catalogue through the ingest function the way a storefront would:
 * batches of up to 500 records, each wrapped in an API Gateway HTTP API (payload 2.0) event and
 * invoked through a {@link LocalLambdaRuntime} that the running function process polls.
 *
 * <p>The catalogue goes first, then the events. A batch whose invocation fails (function error,
 * timeout, 5xx) is resent up to {@link #ATTEMPTS} times, which is safe because event ids are stored
 * once; a batch that still fails stops the replay with an exception. Progress goes to the given
 * stream about every {@code progressEvery} events.
 */
public final class IngestReplay {

    /** The most records per request the ingest API accepts. */
    public static final int BATCH_SIZE = 500;

    /** How often one batch is tried before the replay gives up. */
    public static final int ATTEMPTS = 3;

    private final LocalLambdaRuntime runtime;

    private final Duration timeout;

    private final int concurrency;

    private final PrintStream progress;

    private final long progressEvery;

    /**
     * A replay with one invocation at a time, a 2-minute timeout per invocation and progress on
     * standard error every 50,000 events.
     */
    public IngestReplay(LocalLambdaRuntime runtime) {
        this(runtime, Duration.ofMinutes(2), 1, System.err, 50_000);
    }

    /**
     * @param runtime the runtime API the ingest function polls
     * @param timeout how long one invocation may take
     * @param concurrency invocations in flight at once; more than 1 only helps when as many
     *     function processes poll the runtime
     * @param progress where progress lines go
     * @param progressEvery events between progress lines
     */
    public IngestReplay(
            LocalLambdaRuntime runtime,
            Duration timeout,
            int concurrency,
            PrintStream progress,
            long progressEvery) {
        if (concurrency < 1) {
            throw new IllegalArgumentException(
                    "concurrency must be at least 1, got " + concurrency);
        }
        this.runtime = runtime;
        this.timeout = timeout;
        this.concurrency = concurrency;
        this.progress = progress;
        this.progressEvery = progressEvery;
    }

    /**
     * Sends the catalogue, then the events, and adds up the function's answers.
     *
     * @throws IllegalStateException when a batch keeps failing after {@link #ATTEMPTS} tries
     */
    public ReplayTotals replay(List<Interaction> events, List<CatalogItem> catalog) {
        Counts counts = new Counts(System.nanoTime());
        ExecutorService senders = Executors.newFixedThreadPool(concurrency, IngestReplay::daemon);
        try {
            send(senders, catalog, "/catalog", WireFormat::catalogBody, counts, counts.items);
            send(senders, events, "/events", WireFormat::eventsBody, counts, counts.events);
        } finally {
            senders.shutdownNow();
        }

        ReplayTotals totals = counts.totals(events.size(), catalog.size());
        progress.printf(
                "[replay] done events=%d accepted=%d duplicate=%d rejected=%d items=%d"
                        + " eventsPerSecond=%.0f elapsed=%ds%n",
                totals.eventsSent(),
                totals.eventsAccepted(),
                totals.eventsDuplicate(),
                totals.eventsRejected(),
                totals.itemsSent(),
                totals.eventsPerSecond(),
                totals.elapsed().toSeconds());
        return totals;
    }

    private <T> void send(
            ExecutorService senders,
            List<T> records,
            String path,
            Function<List<T>, String> body,
            Counts counts,
            Tally tally) {
        List<Future<?>> pending = new ArrayList<>();
        for (int from = 0; from < records.size(); from += BATCH_SIZE) {
            List<T> batch = records.subList(from, Math.min(records.size(), from + BATCH_SIZE));
            pending.add(
                    senders.submit(
                            () -> sendBatch(path, body.apply(batch), batch.size(), counts, tally)));
            if (pending.size() >= concurrency * 2) {
                await(pending.remove(0));
            }
        }
        pending.forEach(IngestReplay::await);
    }

    private void sendBatch(String path, String body, int size, Counts counts, Tally tally) {
        String event = HttpApiEvent.post(path).jsonBody(body).toJson();
        HttpApiResponse response = invokeWithRetries(path, event, counts);
        tally.add(response.bodyJson(), size, counts.reasons);
        if (tally == counts.events) {
            counts.reportEvery(progress, progressEvery);
        }
    }

    private HttpApiResponse invokeWithRetries(String path, String event, Counts counts) {
        String lastProblem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            counts.invocations.incrementAndGet();
            try {
                HttpApiResponse response = HttpApiResponse.parse(runtime.invoke(event, timeout));
                if (response.statusCode() < 500) {
                    return response;
                }
                lastProblem = "status " + response.statusCode() + ": " + response.body();
            } catch (LambdaInvocationException e) {
                lastProblem = e.getMessage();
            }
            Sleeper.sleep(Duration.ofMillis(500L * attempt));
        }
        throw new IllegalStateException(
                "POST " + path + " failed " + ATTEMPTS + " times; last: " + lastProblem);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException(e.getCause());
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "ingest-replay");
        thread.setDaemon(true);
        return thread;
    }

    /** Running totals for one kind of record. */
    private static final class Tally {

        final AtomicLong sent = new AtomicLong();

        final AtomicLong accepted = new AtomicLong();

        final AtomicLong duplicate = new AtomicLong();

        final AtomicLong rejected = new AtomicLong();

        void add(JsonNode body, int size, Map<String, Long> reasons) {
            sent.addAndGet(size);
            if (!body.has("results")) {
                rejected.addAndGet(size);
                reasons.merge(wholeBatchReason(body), (long) size, Long::sum);
                return;
            }
            accepted.addAndGet(body.path("accepted").asLong());
            duplicate.addAndGet(body.path("duplicate").asLong());
            // an id resent with other content is a conflict: not stored, so counted as rejected
            rejected.addAndGet(body.path("rejected").asLong() + body.path("conflict").asLong());
            body.path("results").forEach(result -> countReasons(result, reasons));
        }

        private static void countReasons(JsonNode result, Map<String, Long> reasons) {
            for (JsonNode error : result.path("errors")) {
                String field =
                        error.path("field").asText().replaceFirst("^[a-z]+\\[\\d+\\]\\.?", "");
                String reason = field + ": expected " + error.path("expected").asText();
                reasons.merge(reason, 1L, Long::sum);
            }
        }

        private static String wholeBatchReason(JsonNode body) {
            JsonNode first = body.path("errors").path(0);
            return first.isMissingNode()
                    ? body.path("error").asText()
                    : first.path("message").asText();
        }
    }

    /** Totals of a whole replay, updated from the sender threads. */
    private static final class Counts {

        final Tally events = new Tally();

        final Tally items = new Tally();

        final Map<String, Long> reasons = new ConcurrentHashMap<>();

        final AtomicLong invocations = new AtomicLong();

        final AtomicLong lastReport = new AtomicLong();

        final long start;

        Counts(long start) {
            this.start = start;
        }

        void reportEvery(PrintStream out, long every) {
            long sent = events.sent.get();
            long last = lastReport.get();
            if (sent - last < every || !lastReport.compareAndSet(last, sent)) {
                return;
            }
            double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
            out.printf(
                    "[replay] events=%d accepted=%d duplicate=%d rejected=%d eventsPerSecond=%.0f%n",
                    sent,
                    events.accepted.get(),
                    events.duplicate.get(),
                    events.rejected.get(),
                    sent / seconds);
        }

        ReplayTotals totals(long eventCount, long itemCount) {
            return new ReplayTotals(
                    eventCount,
                    events.accepted.get(),
                    events.duplicate.get(),
                    events.rejected.get(),
                    itemCount,
                    items.accepted.get(),
                    items.rejected.get(),
                    new TreeMap<>(reasons),
                    invocations.get(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
