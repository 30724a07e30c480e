package io.solstice.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
