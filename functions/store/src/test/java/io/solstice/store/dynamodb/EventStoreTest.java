package io.solstice.store.dynamodb;

import static io.solstice.store.dynamodb.Events.START;
import static io.solstice.store.dynamodb.Events.guestView;
import static io.solstice.store.dynamodb.Events.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.store.LocalDynamoDbExtension;
import io.solstice.store.MissingResourceException;
import io.solstice.store.dynamodb.BatchOutcome.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventStoreTest {

    @RegisterExtension static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private String table;

    private EventStore store;

    @BeforeEach
    void createTable() {
        table = DYNAMO.newEventsTable();
        store = new EventStore(DYNAMO.client(), table);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void writtenEventsComeBackFromTheScanUnchanged() {
        // given
        List<Interaction> events =
                List.of(purchase("e1", "u1", START), guestView("e2", START.plusHours(1)));

        // when
        BatchOutcome outcome = store.write(events);

        // then
        assertThat(outcome.results())
                .extracting(BatchOutcome.EventResult::status)
                .containsExactly(Status.ACCEPTED, Status.ACCEPTED);
        assertThat(scanAll()).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void searchTextAndRatingComeBackFromTheScan() {
        // given
        OffsetDateTime at = START.plusHours(2);
        List<Interaction> events =
                List.of(
                        new Interaction(
                                "s1",
                                InteractionType.SEARCH,
                                "u1",
                                "22423",
                                0,
                                0,
                                at,
                                null,
                                null,
                                "cake stand",
                                null),
                        new Interaction(
                                "r1",
                                InteractionType.RATING,
                                "u1",
                                "22423",
                                0,
                                0,
                                at,
                                null,
                                null,
                                null,
                                4),
                        new Interaction(
                                "c1",
                                InteractionType.CLICK,
                                "u1",
                                "22423",
                                1,
                                12.75,
                                at,
                                null,
                                null),
                        new Interaction(
                                "x1",
                                InteractionType.REMOVE_FROM_CART,
                                "u1",
                                "22423",
                                1,
                                12.75,
                                at,
                                null,
                                null));

        // when
        store.write(events);

        // then
        assertThat(scanAll()).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void theScanWithStoredTimesGivesTheTimeEachEventWasWritten() {
        // given
        Instant before = Instant.now().minusMillis(1);
        store.write(List.of(purchase("e1", "u1", START)));
        Instant after = Instant.now().plusMillis(1);

        // when
        List<EventStore.StoredEvent> stored = new ArrayList<>();
        store.scanAllStored(2, stored::add);

        // then
        assertThat(stored)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.event()).isEqualTo(purchase("e1", "u1", START));
                            assertThat(s.storedAt())
                                    .hasValueSatisfying(
                                            at -> assertThat(at).isBetween(before, after));
                        });
    }

    @Test
    void aRepeatedIdWithinOneBatchIsStoredOnceAsFirstSent() {
        // given
        Interaction first = purchase("e1", "u1", START);
        Interaction changed = purchase("e1", "u1", START.plusDays(1));

        // when
        BatchOutcome outcome =
                store.write(List.of(first, changed, first, purchase("e2", "u1", START)));

        // then
        assertThat(outcome.results())
                .extracting(BatchOutcome.EventResult::status)
                .containsExactly(
                        Status.ACCEPTED, Status.CONFLICT, Status.DUPLICATE, Status.ACCEPTED);
        assertThat(scanAll()).hasSize(2).contains(first);
    }

    @Test
    void anIdStoredByAnEarlierCallIsADuplicate() {
        // given
        store.write(List.of(purchase("e1", "u1", START)));

        // when
        BatchOutcome outcome =
                store.write(List.of(purchase("e1", "u1", START), purchase("e2", "u1", START)));

        // then
        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.duplicates()).isEqualTo(1);
        assertThat(outcome.results().get(0))
                .isEqualTo(new BatchOutcome.EventResult("e1", Status.DUPLICATE));
        assertThat(scanAll()).hasSize(2);
    }

    @Test
    void anIdStoredEarlierWithOtherContentIsAConflictAndTheStoredEventStays() {
        // given
        Interaction original = purchase("e1", "u1", START);
        store.write(List.of(original));
        Interaction changed =
                new Interaction(
                        "e1",
                        original.type(),
                        original.userId(),
                        original.itemId(),
                        original.quantity() + 1,
                        original.unitPrice(),
                        original.occurredAt().plusMinutes(5),
                        original.country(),
                        original.orderId());

        // when
        BatchOutcome outcome = store.write(List.of(changed, original));

        // then
        assertThat(outcome.results().get(0).status()).isEqualTo(Status.CONFLICT);
        assertThat(outcome.results().get(0).differences())
                .extracting(BatchOutcome.FieldDifference::field)
                .containsExactly("quantity", "timestamp");
        assertThat(outcome.results().get(1).status()).isEqualTo(Status.DUPLICATE);
        assertThat(outcome.conflicts()).isEqualTo(1);
        assertThat(scanAll()).containsExactly(original);
    }

    @Test
    void aPriceWrittenWithTrailingZerosIsTheSameContent() {
        // given
        Interaction original =
                new Interaction(
                        "e1", InteractionType.PURCHASE, "u1", "22423", 2, 3.0, START, null, null);
        store.write(List.of(original));

        // when
        BatchOutcome outcome = store.write(List.of(original));

        // then
        assertThat(outcome.results().get(0).status()).isEqualTo(Status.DUPLICATE);
        assertThat(outcome.results().get(0).differences()).isEmpty();
    }

    @Test
    void aBatchLargerThanTheApiChunksIsStoredCompletely() {
        // given 260 events: 11 write chunks of 25 and 3 read chunks of 100, half already stored
        List<Interaction> events = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            events.add(purchase("e" + i, "u" + (i % 7), START.plusMinutes(i)));
        }
        store.write(events.subList(0, 130));

        // when
        BatchOutcome outcome = store.write(events);

        // then
        assertThat(outcome.accepted()).isEqualTo(130);
        assertThat(outcome.duplicates()).isEqualTo(130);
        assertThat(scanAll()).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void userHistoryIsNewestFirstAndStrictlyBeforeTheGivenTime() {
        // given
        store.write(
                List.of(
                        purchase("old", "u1", START),
                        purchase("mid", "u1", START.plusDays(1)),
                        purchase("new", "u1", START.plusDays(2)),
                        purchase("other", "u2", START.plusDays(1)),
                        guestView("guest", START.plusDays(1))));

        // when
        List<Interaction> history = store.userHistory("u1", START.plusDays(2).toInstant(), 10);
        List<Interaction> latestOne = store.userHistory("u1", Instant.MAX, 1);

        // then
        assertThat(history).extracting(Interaction::eventId).containsExactly("mid", "old");
        assertThat(latestOne).extracting(Interaction::eventId).containsExactly("new");
    }

    @Test
    void guestEventsAreStoredWithoutUserId() {
        // given
        store.write(List.of(guestView("g1", START)));

        // when
        Map<String, AttributeValue> item =
                DYNAMO.client()
                        .getItem(
                                b ->
                                        b.tableName(table)
                                                .key(Map.of("eventId", AttributeValue.fromS("g1"))))
                        .item();

        // then
        assertThat(item).doesNotContainKey("userId").containsKeys("itemId", "ts", "storedAt");
        assertThat(scanAll()).singleElement().satisfies(e -> assertThat(e.isGuest()).isTrue());
    }

    @Test
    void localDateAndOffsetAreTheShoppersOwn() {
        // given an event late on New Year's Eve in New York, already 2012 in UTC
        OffsetDateTime at = OffsetDateTime.parse("2011-12-31T23:30:00-05:00");
        store.write(List.of(purchase("nye", "u1", at)));

        // when
        Map<String, AttributeValue> item =
                DYNAMO.client()
                        .getItem(
                                b ->
                                        b.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "eventId",
                                                                AttributeValue.fromS("nye"))))
                        .item();

        // then
        assertThat(item.get("localDate").s()).isEqualTo("2011-12-31");
        assertThat(item.get("offset").s()).isEqualTo("-05:00");
        assertThat(item.get("ts").n()).isEqualTo(Long.toString(at.toInstant().toEpochMilli()));
    }

    @Test
    void writingToAMissingTableNamesTheTable() {
        // given
        try (EventStore missing = new EventStore(DYNAMO.client(), "no-such-table")) {

            // when / then
            assertThatThrownBy(() -> missing.write(List.of(purchase("e1", "u1", START))))
                    .isInstanceOf(MissingResourceException.class)
                    .hasMessageContaining("no-such-table");
        }
    }

    private List<Interaction> scanAll() {
        ConcurrentLinkedQueue<Interaction> all = new ConcurrentLinkedQueue<>();
        store.scanAll(3, all::add);
        return new ArrayList<>(all);
    }
}
