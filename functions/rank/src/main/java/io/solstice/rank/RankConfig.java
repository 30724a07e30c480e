package io.solstice.rank;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Configuration of the rank function, under the prefix {@code solstice}. Every key can also be set
 * as an environment variable, e.g. {@code SOLSTICE_MODEL_BUCKET}.
 */
@ConfigMapping(prefix = "solstice")
public interface RankConfig {

    /**
     * Name of the S3 bucket the train job publishes models to ({@code solstice.model-bucket},
     * environment variable {@code SOLSTICE_MODEL_BUCKET}). The function serves the version that
     * {@code models/CURRENT} points to. Required; no default.
     */
    String modelBucket();

    /**
     * Name of the DynamoDB table that stores interaction events ({@code solstice.events-table},
     * {@code SOLSTICE_EVENTS_TABLE}); the shopper's history is read from its {@code byUser} index.
     * Required; no default.
     */
    String eventsTable();

    /**
     * The most events read for one shopper's history, newest first ({@code solstice.history-limit},
     * {@code SOLSTICE_HISTORY_LIMIT}); at least 1. Older events are left out of the re-order and
     * similar-shopper features. 500 events take one or two DynamoDB queries.
     */
    @WithDefault("500")
    int historyLimit();

    /**
     * How many (date, country) feature contexts to keep per container ({@code
     * solstice.context-cache-size}, {@code SOLSTICE_CONTEXT_CACHE_SIZE}); at least 1. A context
     * holds nine floats per catalogue item, e.g. 360 KB for 10,000 items; the least recently used
     * one is dropped first.
     */
    @WithDefault("64")
    int contextCacheSize();

    /**
     * How long a container waits before it asks S3 again after finding no model or an unreadable
     * one ({@code solstice.model-retry-interval}, {@code SOLSTICE_MODEL_RETRY_INTERVAL}), as an
     * ISO-8601 duration such as {@code PT30S}; {@code PT0S} asks on every request. Applies before a
     * model was loaded; afterwards {@link #modelRefreshInterval()} does.
     */
    @WithDefault("PT30S")
    Duration modelRetryInterval();

    /**
     * Once a model is served, the least time between two looks at {@code models/CURRENT} for a
     * newly published version ({@code solstice.model-refresh-interval}, {@code
     * SOLSTICE_MODEL_REFRESH_INTERVAL}), as an ISO-8601 duration; {@code PT0S} looks on every
     * request. A look is one small S3 GET; a new version is read, checked and swapped in by the
     * request that finds it, while other requests keep ranking with the served model. So a promoted
     * model reaches a warm container within this interval plus one request.
     */
    @WithDefault("PT1M")
    Duration modelRefreshInterval();
}
