package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.local.demo.IngestReplay;
import io.solstice.local.demo.ReplayTotals;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo path end to end: the packaged ingest function runs as its own JVM against the Lambda
 * runtime emulator and dynalite, and {@link IngestReplay} feeds it API Gateway events. Set {@code
 * -Dsolstice.replay.events=N} to measure with more events (default 3,000).
 */
class IngestReplayIT {

    @RegisterExtension
    static final PackagedIngestFunction INGEST = new PackagedIngestFunction("demo", "-Xmx512m");

    @Test
    void aReplayStoresEveryValidEventOnceAndReportsTheRest() {
        // given every 250th event with an out-of-range quantity and 20 events sent twice
        int count = Integer.getInteger("solstice.replay.events", 3_000);
        List<Interaction> events = events(count, new Random(11));
        List<CatalogItem> catalog = catalog(120);

        // when
        ReplayTotals first = new IngestReplay(INGEST.runtime()).replay(events, catalog);
        ReplayTotals again =
                new IngestReplay(INGEST.runtime()).replay(events.subList(0, 1_000), List.of());

        // then
        long invalid = events.stream().filter(e -> e.quantity() > 1_000_000).count();
        assertThat(first.eventsRejected()).isEqualTo(invalid);
        assertThat(first.eventsDuplicate()).isEqualTo(20);
        assertThat(first.eventsAccepted()).isEqualTo(count - invalid - 20);
        assertThat(first.rejectionReasons())
                .containsOnlyKeys("quantity: expected an integer from -1000000 to 1000000");
        assertThat(first.itemsAccepted()).isEqualTo(120);
        assertThat(again.eventsAccepted()).isZero();
        assertThat(storedEvents()).isEqualTo(first.eventsAccepted());
        assertThat(new CatalogStore(INGEST.dynamoDb(), INGEST.catalogTable()).scanAll())
                .hasSize(120);
        System.err.printf(
                "[replay-it] events=%d eventsPerSecond=%.0f%n", count, first.eventsPerSecond());
    }

    private static long storedEvents() {
        AtomicLong count = new AtomicLong();
        try (EventStore store = new EventStore(INGEST.dynamoDb(), INGEST.eventsTable())) {
            store.scanAll(4, event -> count.incrementAndGet());
        }
        return count.get();
    }

    /** Events where a quantity of 2,000,000 (beyond the allowed range) marks the invalid ones. */
    private static List<Interaction> events(int count, Random random) {
        OffsetDateTime start = OffsetDateTime.parse("2010-12-01T08:26:00Z");
        List<Interaction> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i >= 100 && i < 120) {
                events.add(events.get(i - 100)); // a retry: same id, same content
                continue;
            }
            String id = "ev-" + i;
            boolean invalid = i % 250 == 249;
            String user = random.nextInt(8) == 0 ? null : "u" + random.nextInt(500);
            events.add(
                    new Interaction(
                            id,
                            InteractionType.PURCHASE,
                            user,
                            "i" + random.nextInt(120),
                            invalid ? 2_000_000 : 1 + random.nextInt(12),
                            1.25,
                            start.plusMinutes(i),
                            "United Kingdom",
                            "o" + i / 20));
        }
        return events;
    }

    private static List<CatalogItem> catalog(int count) {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new CatalogItem("i" + i, "Item " + i, null, "gifts", 1.25, true));
        }
        return items;
    }
}
