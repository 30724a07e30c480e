package io.solstice.store.dynamodb;

import static io.solstice.store.dynamodb.Events.START;
import static io.solstice.store.dynamodb.Events.guestView;
import static io.solstice.store.dynamodb.Events.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.Interaction;
import io.solstice.store.LocalDynamoDbExtension;
import io.solstice.store.dynamodb.internal.EventItems;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Forgetting a shopper on request, and the retention of raw events (their TTL attribute). */
class EventStorePrivacyTest {

    @RegisterExtension static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private String table;

    @BeforeEach
    void createTable() {
        table = DYNAMO.newEventsTable();
    }

    @Test
    void forgettingAUserDeletesEveryEventOfTheirsAndNothingElse() {
        // given 60 events of u1 (three BatchWriteItem chunks), 3 of u2 and a guest's
        List<Interaction> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(purchase("u1-" + i, "u1", START.plusMinutes(i)));
        }
        for (int i = 0; i < 3; i++) {
            events.add(purchase("u2-" + i, "u2", START.plusMinutes(i)));
        }
        events.add(guestView("guest-1", START));

        try (EventStore store = new EventStore(DYNAMO.client(), table)) {
            store.write(events);

            // when
            long deleted = store.forgetUser("u1");

            // then
            assertThat(deleted).isEqualTo(60);
            assertThat(store.userHistory("u1", Instant.MAX, 1_000)).isEmpty();
            assertThat(rawItems())
                    .as("items left in the table")
                    .noneMatch(
                            item ->
                                    item.containsKey("userId")
                                            && item.get("userId").s().equals("u1"))
                    .hasSize(4);
            assertThat(store.userHistory("u2", Instant.MAX, 10)).hasSize(3);
            assertThat(store.forgetUser("u1")).as("a second request").isZero();
        }
    }

    @Test
    void forgettingAUserWithNoEventsDeletesNothing() {
        try (EventStore store = new EventStore(DYNAMO.client(), table)) {
            // given
            store.write(List.of(purchase("e1", "u2", START)));

            // when
            long deleted = store.forgetUser("nobody");

            // then
            assertThat(deleted).isZero();
            assertThat(rawItems()).hasSize(1);
        }
    }

    @Test
    void withARetentionEachEventCarriesItsExpiryInEpochSecondsFromTheEventsTime() {
        // given
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(2).withNano(0);

        // when
        try (EventStore store = new EventStore(DYNAMO.client(), table, 2, Duration.ofDays(30))) {
            store.write(List.of(purchase("kept-30-days", "u1", at)));
        }

        // then
        Map<String, AttributeValue> item = rawItems().get(0);
        long expected = at.toInstant().plus(Duration.ofDays(30)).getEpochSecond();
        assertThat(item.get(EventItems.EXPIRES_AT).n()).isEqualTo(Long.toString(expected));
    }

    @Test
    void withoutARetentionEventsCarryNoExpiry() {
        // when
        try (EventStore store = new EventStore(DYNAMO.client(), table)) {
            store.write(List.of(purchase("kept-forever", "u1", START)));
        }

        // then
        assertThat(rawItems().get(0)).doesNotContainKey(EventItems.EXPIRES_AT);
    }

    @Test
    void expiredEventsNotYetDeletedByDynamoDbAreLeftOutOfReads() {
        // given one event past a one-day retention and one within it
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        try (EventStore store = new EventStore(DYNAMO.client(), table, 2, Duration.ofDays(1))) {
            store.write(
                    List.of(
                            purchase("expired", "u1", now.minusDays(3)),
                            purchase("fresh", "u1", now.minusHours(1))));

            // when
            ConcurrentLinkedQueue<Interaction> scanned = new ConcurrentLinkedQueue<>();
            store.scanAll(2, scanned::add);
            List<Interaction> history = store.userHistory("u1", Instant.MAX, 10);

            // then
            assertThat(rawItems()).as("both items are still in the table").hasSize(2);
            assertThat(scanned).extracting(Interaction::eventId).containsExactly("fresh");
            assertThat(history).extracting(Interaction::eventId).containsExactly("fresh");
        }
    }

    private List<Map<String, AttributeValue>> rawItems() {
        return DYNAMO.client().scanPaginator(b -> b.tableName(table)).items().stream().toList();
    }
}
