package io.solstice.retrain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the retrain trigger, under the prefix {@code solstice}. Every key can also be
 * set as an environment variable, e.g. {@code SOLSTICE_JOB_QUEUE}; the SAM template sets them.
 */
@ConfigMapping(prefix = "solstice")
public interface RetrainConfig {

    /**
     * The AWS Batch job queue the training job is submitted to, as an ARN or a name ({@code
     * solstice.job-queue}, {@code SOLSTICE_JOB_QUEUE}). Required; no default.
     */
    String jobQueue();

    /**
     * The AWS Batch job definition of the training container, as an ARN (with or without a
     * revision) or a name ({@code solstice.job-definition}, {@code SOLSTICE_JOB_DEFINITION}).
     * Required; no default.
     */
    String jobDefinition();

    /**
     * The start of every job name ({@code solstice.job-name-prefix}, {@code
     * SOLSTICE_JOB_NAME_PREFIX}); the scheduled time is appended, e.g. {@code
     * solstice-train-dev-20241202T030000Z}. Letters, digits, hyphens and underscores, at most 100
     * characters.
     */
    @WithDefault("solstice-train")
    String jobNamePrefix();

    /**
     * The DynamoDB table that records one item per scheduled run, so that a second delivery of the
     * same event submits nothing ({@code solstice.runs-table}, {@code SOLSTICE_RUNS_TABLE}). Hash
     * key {@code runKey} (S). Required; no default.
     */
    String runsTable();

    /**
     * How long a delivery holds its claim on a run before another delivery may take it over ({@code
     * solstice.claim-lease}, {@code SOLSTICE_CLAIM_LEASE}), as an ISO-8601 duration. Keep it above
     * the function timeout; default {@code PT2M}.
     */
    @WithDefault("PT2M")
    Duration claimLease();

    /**
     * How long run records are kept before DynamoDB's TTL deletes them ({@code
     * solstice.run-retention}, {@code SOLSTICE_RUN_RETENTION}), as an ISO-8601 duration; a
     * re-delivery older than this would submit again. Default {@code P90D}.
     */
    @WithDefault("P90D")
    Duration runRetention();

    /**
     * Endpoint of the AWS Batch API ({@code solstice.batch-endpoint}, {@code
     * SOLSTICE_BATCH_ENDPOINT}); only for local stand-ins. Default: the regional endpoint.
     */
    Optional<URI> batchEndpoint();
}
