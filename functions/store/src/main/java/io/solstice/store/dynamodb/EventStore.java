package io.solstice.store.dynamodb;

import io.solstice.event.Interaction;
import io.solstice.store.StoreException;
import io.solstice.store.dynamodb.internal.Backoff;
import io.solstice.store.dynamodb.internal.BatchCalls;
import io.solstice.store.dynamodb.internal.EventItems;
import io.solstice.store.dynamodb.internal.SdkErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Interaction events in a DynamoDB table keyed by event id (see {@link Tables} for the design).
 *
 * <p>Each event id is stored once: {@link #write} reads the stored events with the batch's ids
 * (BatchGetItem) and writes only the new ones (BatchWriteItem, 25 per call). An id sent again with
 * the same content is a duplicate; with other content it is a conflict, and the stored event stays
 * as it was. Two writers racing on the same new id may both report it accepted; the item is then
 * written twice with the same content. The SDK client is the caller's and is not closed here.
 */
public final class EventStore implements AutoCloseable {

    /** How many BatchGetItem/BatchWriteItem calls one {@link #write} runs at once by default. */
    public static final int DEFAULT_PARALLELISM = 4;

    /**
     * How many times {@link #forgetUser} reads the user index again after deleting: the index is
     * eventually consistent, so an event written just before may show up a moment later.
     */
    private static final int FORGET_ROUNDS = 5;

    private static final Logger LOG = Logger.getLogger(EventStore.class);

    private final DynamoDbClient client;

    private final String table;

    private final ExecutorService executor;

    private final BatchCalls batches;

    private final Clock clock;

    private final Duration retention;

    /** A store with {@link #DEFAULT_PARALLELISM} concurrent calls per write. */
    public EventStore(DynamoDbClient client, String table) {
        this(client, table, DEFAULT_PARALLELISM);
    }

    /**
     * @param client the caller's DynamoDB client
     * @param table the events table's name
     * @param parallelism how many batch calls one write runs at once, at least 1
     */
    public EventStore(DynamoDbClient client, String table, int parallelism) {
        this(client, table, parallelism, Duration.ZERO);
    }

    /**
     * @param client the caller's DynamoDB client
     * @param table the events table's name
     * @param parallelism how many batch calls one write runs at once, at least 1
     * @param retention how long after it happened an event is kept: written events carry {@code
     *     expiresAt} (epoch seconds), the table's TTL attribute, and reads skip expired events that
     *     DynamoDB has not deleted yet; {@link Duration#ZERO} keeps events forever
     */
    public EventStore(DynamoDbClient client, String table, int parallelism, Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, got " + retention);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "parallelism must be at least 1, got " + parallelism);
        }
        this.client = client;
        this.table = table;
        this.executor = Executors.newFixedThreadPool(parallelism, EventStore::daemon);
        this.batches = new BatchCalls(client, table, Backoff.DEFAULT, executor);
        this.clock = Clock.systemUTC();
        this.retention = retention;
    }

    /**
     * Stores the events whose ids are new. An id seen earlier in the batch or already in the table
     * is not written again: it is a duplicate when the content matches, else a conflict naming the
     * differing fields.
     *
     * @return one result per event, in the batch's order
     * @throws StoreException when DynamoDB fails or keeps throttling; events of chunks written
     *     before the failure stay stored, so resending the batch is safe
     */
    public BatchOutcome write(List<Interaction> events) {
        Instant now = clock.instant();
        Map<String, Map<String, AttributeValue>> firstById = new LinkedHashMap<>();
        events.forEach(
                e -> firstById.putIfAbsent(e.eventId(), EventItems.toItem(e, now, retention)));

        Map<String, Map<String, AttributeValue>> stored = storedItems(firstById.keySet());
        List<Map<String, AttributeValue>> fresh = new ArrayList<>();
        firstById.forEach(
                (id, item) -> {
                    if (!stored.containsKey(id)) {
                        fresh.add(item);
                    }
                });

        batches.putAll(fresh, EventStore::describe);
        BatchOutcome outcome = outcome(events, stored, firstById, now);
        LOG.debugf(
                "events written table=%s received=%d accepted=%d duplicate=%d conflict=%d",
                table,
                events.size(),
                outcome.accepted(),
                outcome.duplicates(),
                outcome.conflicts());
        return outcome;
    }

    /**
     * Reads every event with a parallel Scan. The sink is called from {@code segments} threads at
     * once and must be thread-safe; events arrive in no particular order.
     *
     * @param segments how many Scan segments to read in parallel, at least 1
     * @return how many events were read
     */
    public long scanAll(int segments, Consumer<? super Interaction> sink) {
        return scanAllStored(segments, stored -> sink.accept(stored.event()));
    }

    /**
     * Like {@link #scanAll}, with the time each event was written (for ingestion lag).
     *
     * @param segments how many Scan segments to read in parallel, at least 1
     * @return how many events were read
     */
    public long scanAllStored(int segments, Consumer<? super StoredEvent> sink) {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1, got " + segments);
        }
        ExecutorService scanners = Executors.newFixedThreadPool(segments, EventStore::daemon);
        AtomicLong count = new AtomicLong();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int current = segment;
                running.add(scanners.submit(() -> scanSegment(current, segments, sink, count)));
            }
            running.forEach(EventStore::await);
            return count.get();
        } finally {
            scanners.shutdownNow();
        }
    }

    /**
     * One shopper's events before a time, newest first, from the {@code byUser} index.
     *
     * @param userId the shopper
     * @param before only events that happened strictly before this instant
     * @param limit the most events to return, at least 1
     */
    public List<Interaction> userHistory(String userId, Instant before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<Interaction> history = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = queryHistory(userId, before, limit - history.size(), startKey);
            Instant now = clock.instant();
            page.items().stream()
                    .filter(item -> !EventItems.isExpired(item, now))
                    .forEach(item -> history.add(EventItems.fromItem(item)));
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && !startKey.isEmpty() && history.size() < limit);
        return history;
    }

    /**
     * Deletes every event of a shopper (a privacy request): reads their event ids from the {@code
     * byUser} index and deletes them with BatchWriteItem, then reads the index again, up to {@value
     * #FORGET_ROUNDS} times, until it holds none that were not deleted already. Guest events carry
     * no user id and are not found. Events of this user written while it runs may survive: call it
     * again after the storefront stopped sending them.
     *
     * @return how many events were deleted
     * @throws StoreException when DynamoDB fails; the events deleted so far stay deleted, so
     *     calling again is safe
     */
    public long forgetUser(String userId) {
        Set<String> deleted = new HashSet<>();
        for (int round = 0; round < FORGET_ROUNDS; round++) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String eventId : userEventIds(userId)) {
                if (deleted.add(eventId)) {
                    keys.add(EventItems.key(eventId));
                }
            }
            if (keys.isEmpty()) {
                break;
            }
            batches.deleteAll(keys, EventStore::describe);
        }
        LOG.infof(
                "user forgotten table=%s userId=%s deletedEvents=%d",
                table, userId, deleted.size());
        return deleted.size();
    }

    /**
     * An event as read back from the table.
     *
     * @param event the event as it was written
     * @param storedAt when the store wrote it (millisecond precision); empty for items written
     *     without that attribute
     */
    public record StoredEvent(Interaction event, Optional<Instant> storedAt) {}

    /** Stops the store's threads; the client stays open. */
    @Override
    public void close() {
        executor.shutdown();
    }

    private Map<String, Map<String, AttributeValue>> storedItems(Set<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        ids.forEach(id -> keys.add(EventItems.key(id)));

        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        batches.getAll(keys, null, null)
                .forEach(item -> stored.put(item.get(EventItems.EVENT_ID).s(), item));
        return stored;
    }

    /**
     * The first sending of a new id is accepted; any other sending is a duplicate when its content
     * matches the stored event (or the batch's first event with that id), else a conflict.
     */
    private static BatchOutcome outcome(
            List<Interaction> events,
            Map<String, Map<String, AttributeValue>> stored,
            Map<String, Map<String, AttributeValue>> firstById,
            Instant now) {
        Set<String> seen = new HashSet<>();
        List<BatchOutcome.EventResult> results = new ArrayList<>();
        for (Interaction event : events) {
            String id = event.eventId();
            if (seen.add(id) && !stored.containsKey(id)) {
                results.add(new BatchOutcome.EventResult(id, BatchOutcome.Status.ACCEPTED));
                continue;
            }

            Map<String, AttributeValue> earlier = stored.getOrDefault(id, firstById.get(id));
            List<BatchOutcome.FieldDifference> differences =
                    EventItems.differences(earlier, EventItems.toItem(event, now));
            BatchOutcome.Status status =
                    differences.isEmpty()
                            ? BatchOutcome.Status.DUPLICATE
                            : BatchOutcome.Status.CONFLICT;
            results.add(new BatchOutcome.EventResult(id, status, differences));
        }
        return new BatchOutcome(results);
    }

    private void scanSegment(
            int segment, int total, Consumer<? super StoredEvent> sink, AtomicLong count) {
        ScanRequest request =
                ScanRequest.builder()
                        .tableName(table)
                        .segment(segment)
                        .totalSegments(total)
                        .build();
        Instant now = clock.instant();
        try {
            for (Map<String, AttributeValue> item : client.scanPaginator(request).items()) {
                if (EventItems.isExpired(item, now)) {
                    continue;
                }
                sink.accept(new StoredEvent(EventItems.fromItem(item), EventItems.storedAt(item)));
                count.incrementAndGet();
            }
        } catch (SdkException e) {
            throw SdkErrors.translate(
                    e, table, "scan events (segment " + segment + " of " + total + ")");
        }
    }

    /** Every event id of a user in the index, all pages. */
    private List<String> userEventIds(String userId) {
        QueryRequest request =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(EventItems.USER_INDEX)
                        .keyConditionExpression("#user = :user")
                        .projectionExpression("#id")
                        .expressionAttributeNames(
                                Map.of("#user", EventItems.USER_ID, "#id", EventItems.EVENT_ID))
                        .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userId)))
                        .build();
        try {
            List<String> ids = new ArrayList<>();
            client.queryPaginator(request)
                    .items()
                    .forEach(item -> ids.add(item.get(EventItems.EVENT_ID).s()));
            return ids;
        } catch (SdkException e) {
            throw SdkErrors.translate(e, table, "find the events of user " + userId);
        }
    }

    private QueryResponse queryHistory(
            String userId, Instant before, int remaining, Map<String, AttributeValue> startKey) {
        QueryRequest request =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(EventItems.USER_INDEX)
                        .keyConditionExpression("#user = :user AND #ts < :before")
                        .expressionAttributeNames(
                                Map.of("#user", EventItems.USER_ID, "#ts", EventItems.TS))
                        .expressionAttributeValues(
                                Map.of(
                                        ":user", AttributeValue.fromS(userId),
                                        ":before",
                                                AttributeValue.fromN(
                                                        Long.toString(epochMillis(before)))))
                        .scanIndexForward(false)
                        .limit(remaining)
                        .exclusiveStartKey(startKey)
                        .build();
        try {
            return client.query(request);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, table, "read the history of user " + userId);
        }
    }

    private static long epochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException beyondRange) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String describe(List<Map<String, AttributeValue>> chunk) {
        String first = chunk.get(0).get(EventItems.EVENT_ID).s();
        String last = chunk.get(chunk.size() - 1).get(EventItems.EVENT_ID).s();
        return chunk.size() + " events " + first + (chunk.size() > 1 ? " .. " + last : "");
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while scanning events", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new StoreException("event scan failed: " + e.getCause(), e.getCause());
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "event-store");
        thread.setDaemon(true);
        return thread;
    }
}
