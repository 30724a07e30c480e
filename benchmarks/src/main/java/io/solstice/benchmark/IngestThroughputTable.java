package io.solstice.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.ingest.EventIngest;
import io.solstice.ingest.IngestOutcome;
import io.solstice.local.LocalDynamoDb;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import io.solstice.store.dynamodb.internal.EventItems;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Ingest throughput against the local DynamoDB stand-in (dynalite), printed as a Markdown table:
 * for batches of 1, 25 and 500 events, events per second and the handler time per batch and per
 * event (p50, p99), then the DynamoDB write units an event costs. Not a test: run it on request
 * (see README, "Ingest throughput").
 *
 * <p>What is timed is the function's work for one request body after API Gateway and Quarkus have
 * handed it over: parsing the JSON text, validating each event, BatchGetItem for duplicates and
 * BatchWriteItem (the {@link EventIngest} and {@link EventStore} the function runs, with its
 * default write parallelism of 4), one request at a time as a Lambda container serves them. Event
 * ids are fresh, so every event is written. Argument {@code quick} runs fewer batches.
 */
public final class IngestThroughputTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TABLE = "bench-events";

    private static final int[] BATCH_SIZES = {1, 25, 500};

    private static final OffsetDateTime START = OffsetDateTime.parse("2011-06-15T09:30:00+01:00");

    private int nextId;

    private IngestThroughputTable() {}

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        java.util.logging.Logger.getLogger("io.solstice").setLevel(Level.WARNING);
        java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);

        try (LocalDynamoDb dynamo = LocalDynamoDb.start();
                DynamoDbClient client =
                        StoreClients.dynamoDb(
                                dynamo.endpoint(),
                                LocalDynamoDb.REGION,
                                LocalDynamoDb.ACCESS_KEY_ID,
                                LocalDynamoDb.SECRET_ACCESS_KEY);
                EventStore store = new EventStore(client, TABLE)) {
            Tables.createEventsTableIfMissing(client, TABLE);
            new IngestThroughputTable().run(new EventIngest(store), client, quick);
        }
    }

    private void run(EventIngest ingest, DynamoDbClient client, boolean quick) {
        System.out.printf(
                "%nIngest against dynalite, one request at a time; %s %s, %d cores%n%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println(
                "| events per batch | batches | events/s | batch p50 (ms) | batch p99 (ms)"
                        + " | per event p50 (ms) | per event p99 (ms) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : BATCH_SIZES) {
            int events = quick ? 1_000 : 10_000;
            int batches = Math.max(20, events / size);
            measure(ingest, size, Math.max(5, batches / 10));
            print(size, measure(ingest, size, batches));
        }
        printWriteUnits(client);
    }

    /** Times {@code batches} requests of {@code size} fresh events; nanoseconds per batch. */
    private long[] measure(EventIngest ingest, int size, int batches) {
        long[] nanos = new long[batches];
        for (int b = 0; b < batches; b++) {
            String body = body(size);
            long start = System.nanoTime();
            IngestOutcome outcome = ingest.ingest(parse(body));
            nanos[b] = System.nanoTime() - start;
            if (outcome.body().accepted() != size) {
                throw new IllegalStateException("not all accepted: " + outcome.body());
            }
        }
        return nanos;
    }

    private static void print(int size, long[] nanos) {
        long total = Arrays.stream(nanos).sum();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double eventsPerSecond = (double) size * nanos.length / (total / 1e9);
        System.out.printf(
                Locale.ROOT,
                "| %d | %d | %,.0f | %.2f | %.2f | %.3f | %.3f |%n",
                size,
                nanos.length,
                eventsPerSecond,
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6,
                percentile(sorted, 50) / 1e6 / size,
                percentile(sorted, 99) / 1e6 / size);
    }

    /**
     * Write units per event, two ways: computed from the item's size (1 WCU per started KB, plus
     * the same again for the byUser index copy of a shopper's event; guests are not in the index),
     * and as dynalite reports them with ReturnConsumedCapacity TOTAL (table only).
     */
    private void printWriteUnits(DynamoDbClient client) {
        Interaction shopper = event(true);
        Interaction guest = event(false);
        System.out.printf(
                "%nDynamoDB write units per stored event (on-demand or provisioned):%n%n");
        System.out.println(
                "| event | item size (bytes) | WCU table | WCU byUser index | WCU total |"
                        + " dynalite TOTAL (table) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Interaction event : List.of(shopper, guest)) {
            Map<String, AttributeValue> item = EventItems.toItem(event, Instant.now());
            int size = itemSize(item);
            int table = (size + 1023) / 1024;
            int index = event.isGuest() ? 0 : table;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %.1f |%n",
                    event.isGuest() ? "guest purchase (no userId)" : "shopper purchase",
                    size,
                    table,
                    index,
                    table + index,
                    reported(client, item));
        }
        System.out.println(
                "\nDuplicate check: BatchGetItem, eventually consistent, 0.5 RCU per event (< 4 KB).");
    }

    private static double reported(DynamoDbClient client, Map<String, AttributeValue> item) {
        WriteRequest put =
                WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
        BatchWriteItemResponse response =
                client.batchWriteItem(
                        b ->
                                b.requestItems(Map.of(TABLE, List.of(put)))
                                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        return response.consumedCapacity().stream()
                .mapToDouble(ConsumedCapacity::capacityUnits)
                .sum();
    }

    /**
     * DynamoDB's item size: attribute name bytes plus value bytes (strings UTF-8; numbers about one
     * byte per two significant digits plus one).
     */
    private static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                String digits = value.n().replaceAll("[^0-9]", "").replaceAll("^0+", "");
                size += (digits.length() + 1) / 2 + 1;
            }
        }
        return size;
    }

    private String body(int size) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < size; i++) {
            Interaction event = event(nextId % 8 != 0);
            body.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"")
                    .append(event.eventId())
                    .append("\",\"type\":\"purchase\",")
                    .append(event.isGuest() ? "" : "\"userId\":\"" + event.userId() + "\",")
                    .append("\"itemId\":\"")
                    .append(event.itemId())
                    .append("\",\"quantity\":6,\"unitPrice\":2.55,\"timestamp\":\"")
                    .append(event.occurredAt())
                    .append("\",\"country\":\"United Kingdom\",\"orderId\":\"536365\"}");
        }
        return body.append("]}").toString();
    }

    /** A fresh, realistic event: an Online Retail invoice line. */
    private Interaction event(boolean shopper) {
        int id = nextId++;
        return new Interaction(
                "bench-" + id,
                InteractionType.PURCHASE,
                shopper ? Integer.toString(12_346 + id % 4_000) : null,
                "85123A",
                6,
                2.55,
                START.plusSeconds(id),
                "United Kingdom",
                "536365");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
