package io.solstice.retrain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One retraining run, as asked for by a schedule or by hand.
 *
 * @param scheduledTime when the schedule fired (the event's {@code time}); the run's identity, to
 *     the second: every delivery of the same event carries the same time
 * @param asOf the training window's end: the job trains on purchases before this date (UTC)
 * @param origin where the request came from: {@code aws.events}, {@code aws.scheduler} or {@code
 *     direct}
 */
public record ScheduledRun(Instant scheduledTime, LocalDate asOf, String origin) {

    private static final DateTimeFormatter KEY_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The run's key, the scheduled time to the second in UTC, e.g. {@code 20241202T030000Z}. */
    public String key() {
        return KEY_FORMAT.format(scheduledTime);
    }

    /** The Batch job name of this run: the prefix, a hyphen and {@link #key()}. */
    public String jobName(String prefix) {
        return prefix + "-" + key();
    }
}
