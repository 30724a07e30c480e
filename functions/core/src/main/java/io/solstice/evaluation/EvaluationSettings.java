package io.solstice.evaluation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of an {@link Evaluation}.
 *
 * @param cutoffs the cutoff dates T; the model sees only purchases before each
 * @param windowDays length of the test window from T, in days (28 in the public protocol)
 * @param ks the list lengths K to report, first one first in tables (20 and 10 by default)
 * @param outputDirectory where the ranked-list files are written (created when missing)
 * @param outOfSeason flags out-of-season items, or {@code null} to report {@code NaN}
 */
public record EvaluationSettings(
        List<LocalDate> cutoffs,
        int windowDays,
        List<Integer> ks,
        Path outputDirectory,
        OutOfSeasonRule outOfSeason) {

    /** The six cutoffs of the public Online Retail protocol. */
    public static final List<LocalDate> PUBLIC_CUTOFFS =
            List.of(
                    LocalDate.of(2011, 3, 1),
                    LocalDate.of(2011, 5, 1),
                    LocalDate.of(2011, 7, 1),
                    LocalDate.of(2011, 9, 1),
                    LocalDate.of(2011, 10, 1),
                    LocalDate.of(2011, 11, 1));

    public EvaluationSettings {
        cutoffs = List.copyOf(cutoffs);
        ks = List.copyOf(ks);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (cutoffs.isEmpty()) {
            throw new IllegalArgumentException("cutoffs must name at least one date");
        }
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1, was " + windowDays);
        }
        if (ks.isEmpty() || ks.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException(
                    "ks must be one or more positive lengths, was " + ks);
        }
    }

    /** The public protocol: six cutoffs, a 28-day window, K = 20 and 10, no out-of-season rule. */
    public static EvaluationSettings publicProtocol(Path outputDirectory) {
        return new EvaluationSettings(PUBLIC_CUTOFFS, 28, List.of(20, 10), outputDirectory, null);
    }

    public EvaluationSettings withCutoffs(List<LocalDate> otherCutoffs) {
        return new EvaluationSettings(otherCutoffs, windowDays, ks, outputDirectory, outOfSeason);
    }

    public EvaluationSettings withWindowDays(int otherWindowDays) {
        return new EvaluationSettings(cutoffs, otherWindowDays, ks, outputDirectory, outOfSeason);
    }

    public EvaluationSettings withKs(List<Integer> otherKs) {
        return new EvaluationSettings(cutoffs, windowDays, otherKs, outputDirectory, outOfSeason);
    }

    public EvaluationSettings withOutputDirectory(Path otherDirectory) {
        return new EvaluationSettings(cutoffs, windowDays, ks, otherDirectory, outOfSeason);
    }

    public EvaluationSettings withOutOfSeason(OutOfSeasonRule rule) {
        return new EvaluationSettings(cutoffs, windowDays, ks, outputDirectory, rule);
    }

    /** The longest list any K asks for: rankers are asked for this many items. */
    public int maxK() {
        return ks.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
