package io.solstice.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.local.LocalDynamoDb;
import io.solstice.store.StandIns;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures how many events per second {@link EventStore#write} stores into dynalite with batches of
 * 500, for several parallelism settings. Run on demand:
 *
 * <pre>
 * mvn -pl functions/store test -Dtest=EventStoreThroughputTest -Dsolstice.perf=true \
 *     -Dsolstice.perf.events=50000 -Dsolstice.perf.parallelism=1,4,8
 * </pre>
 */
@EnabledIfSystemProperty(named = "solstice.perf", matches = "true")
class EventStoreThroughputTest {

    private static final int BATCH = 500;

    @Test
    void measureWriteThroughput() {
        int events = Integer.getInteger("solstice.perf.events", 50_000);
        String[] settings = System.getProperty("solstice.perf.parallelism", "1,4,8").split(",");
        List<Interaction> all = events(events, new Random(42));

        for (String setting : settings) {
            int parallelism = Integer.parseInt(setting.trim());
            double[] rates = measure(all, parallelism);
            System.err.printf(
                    "[throughput] events=%d batch=%d parallelism=%d newEventsPerSecond=%.0f"
                            + " duplicateEventsPerSecond=%.0f%n",
                    events, BATCH, parallelism, rates[0], rates[1]);
        }
    }

    /** Events per second for a first load (all new), then for a replay (all duplicates). */
    private static double[] measure(List<Interaction> all, int parallelism) {
        try (LocalDynamoDb dynamo = LocalDynamoDb.start();
                DynamoDbClient client = StandIns.dynamoDbClient(dynamo)) {
            Tables.createEventsTableIfMissing(client, "events");
            try (EventStore store = new EventStore(client, "events", parallelism)) {
                double firstLoad = writeAll(store, all, all.size());
                double replay = writeAll(store, all, 0);
                return new double[] {firstLoad, replay};
            }
        }
    }

    private static double writeAll(EventStore store, List<Interaction> all, long expectAccepted) {
        long accepted = 0;
        long start = System.nanoTime();
        for (int from = 0; from < all.size(); from += BATCH) {
            accepted +=
                    store.write(all.subList(from, Math.min(all.size(), from + BATCH))).accepted();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(accepted).isEqualTo(expectAccepted);
        return all.size() / seconds;
    }

    private static List<Interaction> events(int count, Random random) {
        OffsetDateTime start = OffsetDateTime.parse("2010-12-01T08:26:00Z");
        List<Interaction> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user =
                    random.nextInt(10) == 0 ? null : Integer.toString(12346 + random.nextInt(4372));
            events.add(
                    new Interaction(
                            "536365-" + i,
                            InteractionType.PURCHASE,
                            user,
                            Integer.toString(20000 + random.nextInt(4000)),
                            1 + random.nextInt(24),
                            0.5 + random.nextInt(1000) / 100.0,
                            start.plusMinutes(i / 20),
                            "United Kingdom",
                            Integer.toString(536365 + i / 20)));
        }
        return events;
    }
}
