package io.solstice.local.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What an {@link IngestReplay} achieved.
 *
 * @param eventsSent events sent to {@code POST /events}
 * @param eventsAccepted events the function stored
 * @param eventsDuplicate events whose id was already stored
 * @param eventsRejected events that failed validation
 * @param itemsSent catalogue items sent to {@code POST /catalog}
 * @param itemsAccepted items the function stored
 * @param itemsRejected items that failed validation
 * @param rejectionReasons how often each reason occurred, keyed by field and expectation without
 *     the record index, e.g. {@code timestamp: expected ISO-8601 date-time ...}
 * @param invocations how many Lambda invocations were made, retries included
 * @param elapsed wall-clock time of the whole replay
 */
public record ReplayTotals(
        long eventsSent,
        long eventsAccepted,
        long eventsDuplicate,
        long eventsRejected,
        long itemsSent,
        long itemsAccepted,
        long itemsRejected,
        Map<String, Long> rejectionReasons,
        long invocations,
        Duration elapsed) {

    public ReplayTotals {
        rejectionReasons = Map.copyOf(rejectionReasons);
    }

    /** Events per second over the whole replay. */
    public double eventsPerSecond() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return eventsSent / seconds;
    }
}
