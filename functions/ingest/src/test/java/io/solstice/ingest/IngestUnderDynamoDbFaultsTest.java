package io.solstice.ingest;

import static io.solstice.local.FaultyDynamoDbProxy.Fault.HALF_UNPROCESSED;
import static io.solstice.local.FaultyDynamoDbProxy.Fault.PROVISIONED_THROUGHPUT_EXCEEDED;
import static io.solstice.local.FaultyDynamoDbProxy.Fault.THROTTLING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.event.Interaction;
import io.solstice.local.FaultyDynamoDbProxy;
import io.solstice.local.FaultyDynamoDbProxy.Fault;
import io.solstice.local.LocalDynamoDb;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ingest path (validation, {@link EventIngest}, {@link EventStore}) against dynalite behind
 * {@link FaultyDynamoDbProxy}: BatchWriteItem calls answered with half their items unprocessed, or
 * with 400 ProvisionedThroughputExceededException and ThrottlingException. Every accepted event
 * must be stored, each put forwarded to the table exactly once, and the answer must count what
 * happened.
 */
class IngestUnderDynamoDbFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TABLE = "faulty-events";

    /** Twelve faults spread over the 20 BatchWriteItem calls of a 480-event batch. */
    private static final List<Fault> FAULTS =
            List.of(
                    HALF_UNPROCESSED,
                    PROVISIONED_THROUGHPUT_EXCEEDED,
                    HALF_UNPROCESSED,
                    THROTTLING,
                    HALF_UNPROCESSED,
                    HALF_UNPROCESSED,
                    PROVISIONED_THROUGHPUT_EXCEEDED,
                    HALF_UNPROCESSED,
                    THROTTLING,
                    HALF_UNPROCESSED,
                    HALF_UNPROCESSED,
                    HALF_UNPROCESSED);

    private static LocalDynamoDb dynamo;

    private static FaultyDynamoDbProxy proxy;

    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        proxy = FaultyDynamoDbProxy.start(dynamo.endpoint(), "eventId");
        client =
                StoreClients.dynamoDb(
                        proxy.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY);
        Tables.createEventsTableIfMissing(client, TABLE);
    }

    @AfterAll
    static void stop() {
        client.close();
        proxy.close();
        dynamo.close();
    }

    @Test
    void everyAcceptedEventIsStoredOnceThroughUnprocessedItemsAndThrottlingAndTheAnswerCountsIt() {
        // given 480 valid events, 10 sent twice in the batch and 10 invalid ones
        JsonNode body = batch(480, 10, 10);
        int injectedBefore = proxy.faultsInjected();
        proxy.failBatchWrites(FAULTS);

        // when
        IngestOutcome outcome;
        try (EventStore store = new EventStore(client, TABLE, 4)) {
            outcome = new EventIngest(store).ingest(body);
        }

        // then
        IngestResponse answer = outcome.body();
        assertThat(proxy.faultsInjected() - injectedBefore)
                .as("faults injected")
                .isEqualTo(FAULTS.size());
        assertThat(outcome.status()).isEqualTo(207);
        assertThat(answer.received()).isEqualTo(500);
        assertThat(answer.accepted()).isEqualTo(480);
        assertThat(answer.duplicate()).isEqualTo(10);
        assertThat(answer.rejected()).isEqualTo(10);

        Set<String> accepted = idsWithStatus(answer, RecordResult.ACCEPTED);
        assertThat(storedIds()).containsAll(accepted).doesNotContainAnyElementsOf(rejected(answer));
        Map<String, Integer> forwarded = proxy.forwardedPuts();
        assertThat(accepted)
                .as("puts forwarded to the table per accepted event id")
                .allSatisfy(id -> assertThat(forwarded.get(id)).as(id).isEqualTo(1));
    }

    @Test
    void aBatchResentUnderThrottlingIsAllDuplicatesAndWritesNothing() {
        // given a batch stored once
        JsonNode body = batch(60, 0, 0);
        try (EventStore store = new EventStore(client, TABLE, 4)) {
            new EventIngest(store).ingest(body);
            Map<String, Integer> before = proxy.forwardedPuts();
            proxy.failBatchWrites(List.of(THROTTLING, HALF_UNPROCESSED, THROTTLING));

            // when
            IngestOutcome again = new EventIngest(store).ingest(body);

            // then
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().duplicate()).isEqualTo(60);
            assertThat(again.body().accepted()).isZero();
            assertThat(proxy.forwardedPuts()).isEqualTo(before);
            assertThat(proxy.faultsPending()).as("no write was attempted").isEqualTo(3);
        }
        proxy.clearFaults();
    }

    private static Set<String> storedIds() {
        ConcurrentLinkedQueue<Interaction> stored = new ConcurrentLinkedQueue<>();
        try (EventStore store = new EventStore(client, TABLE)) {
            store.scanAll(2, stored::add);
        }
        List<String> ids = stored.stream().map(Interaction::eventId).toList();
        assertThat(ids).as("each event id once").doesNotHaveDuplicates();
        return new HashSet<>(ids);
    }

    private static Set<String> rejected(IngestResponse answer) {
        return idsWithStatus(answer, RecordResult.REJECTED);
    }

    private static Set<String> idsWithStatus(IngestResponse answer, String status) {
        Set<String> ids = new HashSet<>();
        answer.results().stream()
                .filter(r -> r.status().equals(status))
                .forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    /** Unique valid events (ids unique per call), repeats of the first ones, then invalid ones. */
    private static JsonNode batch(int valid, int repeats, int invalid) {
        String run = Long.toString(System.nanoTime(), 36);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        List<ObjectNode> first = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            ObjectNode event = event(run + "-" + i);
            events.add(event);
            first.add(event);
        }
        for (int i = 0; i < repeats; i++) {
            events.add(first.get(i).deepCopy());
        }
        for (int i = 0; i < invalid; i++) {
            events.add(event(run + "-bad-" + i).put("quantity", "several"));
        }
        return body;
    }

    private static ObjectNode event(String id) {
        return JSON.createObjectNode()
                .put("eventId", id)
                .put("type", "purchase")
                .put("userId", "u" + id.hashCode() % 50)
                .put("itemId", "85123A")
                .put("quantity", 2)
                .put("unitPrice", 2.55)
                .put("timestamp", "2011-06-15T09:30:00+01:00")
                .put("country", "United Kingdom");
    }
}
