package io.solstice.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The scores of one method at one cutoff in one mode.
 *
 * @param cutoff the cutoff date T
 * @param mode all or discovery
 * @param users test users scored (in discovery: those who bought something new)
 * @param candidates items bought before T
 * @param metrics one entry per K, in the order of the settings
 */
public record CutoffScore(
        LocalDate cutoff,
        EvaluationMode mode,
        int users,
        int candidates,
        List<MetricsAtK> metrics) {

    public CutoffScore {
        metrics = List.copyOf(metrics);
    }

    /** The metrics at {@code k}. */
    public MetricsAtK at(int k) {
        return metrics.stream()
                .filter(m -> m.k() == k)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("K=" + k + " was not evaluated"));
    }
}
