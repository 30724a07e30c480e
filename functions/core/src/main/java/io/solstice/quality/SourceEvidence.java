package io.solstice.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a data source can tell the {@link QualityAnalyzer} beyond the events and the catalogue.
 *
 * @param source where the events came from, e.g. {@code dynamodb} or {@code csv}, for the report's
 *     notes
 * @param storedAt when each event was stored, by event id; empty when the source keeps no stored
 *     time (then ingestion lag is not measured)
 * @param descriptionVariants item ids seen with more than one description, each with those
 *     descriptions; empty when the source carries no description per event (then conflicting
 *     descriptions are not measured)
 */
public record SourceEvidence(
        String source,
        Map<String, Instant> storedAt,
        Optional<Map<String, List<String>>> descriptionVariants) {

    public SourceEvidence {
        storedAt = Map.copyOf(storedAt);
        descriptionVariants = descriptionVariants.map(Map::copyOf);
    }

    /** A source that tells nothing beyond the events. */
    public static SourceEvidence none(String source) {
        return new SourceEvidence(source, Map.of(), Optional.empty());
    }

    /** A source that keeps each event's stored time. */
    public static SourceEvidence storedTimes(String source, Map<String, Instant> storedAt) {
        return new SourceEvidence(source, storedAt, Optional.empty());
    }

    /** A source that carries a description on each event (a transactions file). */
    public static SourceEvidence descriptions(
            String source, Map<String, List<String>> descriptionVariants) {
        return new SourceEvidence(source, Map.of(), Optional.of(descriptionVariants));
    }
}
