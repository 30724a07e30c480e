package io.solstice.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;

/**
 * Configuration of the ingest function, under the prefix {@code solstice}. Every key can also be
 * set as an environment variable, e.g. {@code SOLSTICE_EVENTS_TABLE}.
 */
@ConfigMapping(prefix = "solstice")
public interface IngestConfig {

    /**
     * Name of the DynamoDB table that stores interaction events ({@code solstice.events-table},
     * environment variable {@code SOLSTICE_EVENTS_TABLE}). Required; no default.
     */
    String eventsTable();

    /**
     * Name of the DynamoDB table that stores the catalogue ({@code solstice.catalog-table},
     * environment variable {@code SOLSTICE_CATALOG_TABLE}). Required; no default.
     */
    String catalogTable();

    /**
     * How many BatchGetItem/BatchWriteItem calls one request runs at once ({@code
     * solstice.write-parallelism}, {@code SOLSTICE_WRITE_PARALLELISM}); at least 1. A batch of 500
     * events takes 5 reads and 20 writes.
     */
    @WithDefault("4")
    int writeParallelism();

    /**
     * The earliest event time accepted, as an ISO-8601 instant ({@code
     * solstice.earliest-event-time}, {@code SOLSTICE_EARLIEST_EVENT_TIME}); older events are
     * rejected with this bound in the message. Default 2000-01-01T00:00:00Z. Events more than one
     * day ahead of the function's clock are always rejected.
     */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliestEventTime();

    /**
     * How many days after it happened a raw event is kept ({@code solstice.events-retention-days},
     * {@code SOLSTICE_EVENTS_RETENTION_DAYS}). Each stored event then carries {@code expiresAt},
     * the event time plus this many days in epoch seconds, which the table's TTL uses to delete it
     * (DynamoDB deletes within a few days of that time; reads skip expired events before then).
     * Counted from the event's own time, so a backfill of old events may expire at once. Default 0:
     * keep events forever, no {@code expiresAt}.
     */
    @WithDefault("0")
    int eventsRetentionDays();
}
