package io.solstice.train.job;

import io.solstice.quality.QualityOptions;
import io.solstice.quality.QualityThresholds;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The train job's configuration, read from environment variables (AWS Batch passes job parameters
 * as environment variables or as {@code --name=value} arguments, which win).
 *
 * @param eventsTable {@code SOLSTICE_EVENTS_TABLE}: the DynamoDB table the ingest function writes
 * @param catalogTable {@code SOLSTICE_CATALOG_TABLE}: the catalogue table
 * @param modelBucket {@code SOLSTICE_MODEL_BUCKET}: the S3 bucket models are published to (needed
 *     by the train job, not by the evaluation)
 * @param region {@code AWS_REGION}, default {@code us-east-1}
 * @param dynamoDbEndpoint {@code SOLSTICE_DYNAMODB_ENDPOINT}: only for local stand-ins
 * @param s3Endpoint {@code SOLSTICE_S3_ENDPOINT}: only for local stand-ins
 * @param asOf {@code SOLSTICE_TRAIN_AS_OF} / {@code --as-of}: train on purchases before this date;
 *     default the day after the last purchase
 * @param codeVersion {@code SOLSTICE_CODE_VERSION}: recorded in the manifest (e.g. a git commit)
 * @param qualityOptions {@code SOLSTICE_QUALITY_*} measuring options of the data quality report
 *     (see {@link QualityOptions} and {@code functions/train/QUALITY.md})
 * @param qualityThresholds {@code SOLSTICE_QUALITY_*} limits that refuse a run before training (see
 *     {@link QualityThresholds} and {@code functions/train/QUALITY.md})
 * @param promotionTolerance {@code SOLSTICE_PROMOTION_TOLERANCE}: how far (relative, 0-0.5) a new
 *     model may fall behind the served one and still replace it; default 0.02 (see {@link
 *     PromotionGate})
 */
public record TrainJobSettings(
        String eventsTable,
        String catalogTable,
        String modelBucket,
        String region,
        Optional<URI> dynamoDbEndpoint,
        Optional<URI> s3Endpoint,
        Optional<LocalDate> asOf,
        String codeVersion,
        QualityOptions qualityOptions,
        QualityThresholds qualityThresholds,
        double promotionTolerance) {

    /** Default of {@code SOLSTICE_PROMOTION_TOLERANCE}. */
    public static final double DEFAULT_PROMOTION_TOLERANCE = 0.02;

    /** Reads the settings; a missing required variable is named in the exception. */
    public static TrainJobSettings from(Map<String, String> environment, String... args) {
        Map<String, String> values = new java.util.HashMap<>(environment);
        for (String arg : args) {
            if (arg.startsWith("--as-of=")) {
                values.put("SOLSTICE_TRAIN_AS_OF", arg.substring("--as-of=".length()));
            } else {
                throw new IllegalArgumentException(
                        "unknown argument '" + arg + "'; the train job accepts --as-of=yyyy-MM-dd");
            }
        }
        return new TrainJobSettings(
                required(values, "SOLSTICE_EVENTS_TABLE"),
                required(values, "SOLSTICE_CATALOG_TABLE"),
                values.getOrDefault("SOLSTICE_MODEL_BUCKET", ""),
                values.getOrDefault("AWS_REGION", "us-east-1"),
                optional(values, "SOLSTICE_DYNAMODB_ENDPOINT").map(URI::create),
                optional(values, "SOLSTICE_S3_ENDPOINT").map(URI::create),
                optional(values, "SOLSTICE_TRAIN_AS_OF").map(TrainJobSettings::date),
                values.getOrDefault("SOLSTICE_CODE_VERSION", "unknown"),
                QualityOptions.fromEnvironment(values),
                QualityThresholds.fromEnvironment(values),
                tolerance(values.get("SOLSTICE_PROMOTION_TOLERANCE")));
    }

    private static double tolerance(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PROMOTION_TOLERANCE;
        }
        try {
            double tolerance = Double.parseDouble(value.trim());
            if (tolerance >= 0 && tolerance <= 0.5) {
                return tolerance;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "SOLSTICE_PROMOTION_TOLERANCE: expected a number from 0 to 0.5 (e.g. 0.02 for 2%),"
                        + " got '"
                        + value
                        + "'");
    }

    /** The model bucket, or an error naming the variable when it is not set. */
    public String requireModelBucket() {
        if (modelBucket.isBlank()) {
            throw new IllegalArgumentException(
                    "environment variable SOLSTICE_MODEL_BUCKET must be set");
        }
        return modelBucket;
    }

    private static String required(Map<String, String> values, String name) {
        return optional(values, name)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "environment variable " + name + " must be set"));
    }

    private static Optional<String> optional(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "SOLSTICE_TRAIN_AS_OF / --as-of: expected a date like 2011-12-10, got '"
                            + value
                            + "'",
                    e);
        }
    }
}
