package io.solstice.train.job;

import io.solstice.evaluation.EvaluationMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a newly trained model replaces the served one, from its figures on the latest
 * validation window (which it never trained on):
 *
 * <ul>
 *   <li>its NDCG@20 must be above the best of the five baselines in both modes;
 *   <li>it must not fall behind the served model by more than {@code tolerance} (relative). When
 *       the served model's own training data reached into the window, its figure there is inflated,
 *       so the two are compared by their lift over the best baseline (each measured on a window it
 *       had not seen), the served model's as recorded in its manifest.
 * </ul>
 *
 * Every check, passed or not, is written down as a sentence for the run's report.
 */
final class PromotionGate {

    /** Manifest key of a model's lift over the best baseline in all mode on its window. */
    static final String LIFT_ALL = "validation.all.lift_over_best_baseline";

    static final String LIFT_DISCOVERY = "validation.discovery.lift_over_best_baseline";

    private final double tolerance;

    /**
     * @param tolerance how far (relative) the new model may fall behind the served one, 0-0.5
     */
    PromotionGate(double tolerance) {
        this.tolerance = tolerance;
    }

    /** NDCG@20 of each method on the validation window, as the gate reads it. */
    interface Figures {

        /** NDCG@20 of {@code method} in {@code mode}; empty when it was not run. */
        Optional<Double> ndcg(String method, EvaluationMode mode);

        /** The baseline with the highest NDCG@20 in {@code mode}, and its figure. */
        Map.Entry<String, Double> bestBaseline(EvaluationMode mode);
    }

    /** What is known of the model being served when a new one is trained. */
    record Serving(
            String version,
            boolean comparable,
            String whyNotComparable,
            long daysOfWindowSeen,
            Optional<Double> recordedLiftAll) {

        static Serving incomparable(String version, String why) {
            return new Serving(version, false, why, 0, Optional.empty());
        }
    }

    /** The verdict, the checks behind it, and the lifts that go into the manifest. */
    record Decision(boolean promote, List<String> checks, Map<String, Double> metrics) {}

    Decision decide(Figures results, Optional<Serving> serving) {
        List<String> checks = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean promote = true;

        for (EvaluationMode mode : EvaluationMode.values()) {
            promote &= beatsBestBaseline(results, mode, checks, metrics);
        }
        promote &= keepsUpWithServing(results, serving, metrics, checks);
        return new Decision(promote, checks, metrics);
    }

    private static boolean beatsBestBaseline(
            Figures results,
            EvaluationMode mode,
            List<String> checks,
            Map<String, Double> metrics) {
        String name = mode.name().toLowerCase(Locale.ROOT);
        double model = results.ndcg(ValidationCheck.CANDIDATE, mode).orElseThrow();
        Map.Entry<String, Double> best = results.bestBaseline(mode);
        double lift = best.getValue() > 0 ? model / best.getValue() : Double.POSITIVE_INFINITY;
        metrics.put(mode == EvaluationMode.ALL ? LIFT_ALL : LIFT_DISCOVERY, lift);

        boolean passed = model > best.getValue();
        checks.add(
                String.format(
                        Locale.ROOT,
                        "%s: %s mode NDCG@20 %.4f vs best baseline %s %.4f (%.3fx)",
                        passed ? "passed" : "FAILED",
                        name,
                        model,
                        best.getKey(),
                        best.getValue(),
                        lift));
        return passed;
    }

    private boolean keepsUpWithServing(
            Figures results,
            Optional<Serving> serving,
            Map<String, Double> metrics,
            List<String> checks) {
        if (serving.isEmpty()) {
            checks.add("passed: no model is served yet");
            return true;
        }
        Serving served = serving.get();
        if (!served.comparable()) {
            checks.add(
                    "skipped: served model "
                            + served.version()
                            + " cannot be compared ("
                            + served.whyNotComparable()
                            + ")");
            return true;
        }
        return served.daysOfWindowSeen() == 0
                ? compareOnWindow(results, served, checks)
                : compareLifts(served, metrics.get(LIFT_ALL), checks);
    }

    private boolean compareOnWindow(Figures results, Serving served, List<String> checks) {
        double model = results.ndcg(ValidationCheck.CANDIDATE, EvaluationMode.ALL).orElseThrow();
        double current = results.ndcg(ValidationCheck.SERVING, EvaluationMode.ALL).orElseThrow();
        boolean passed = model >= current * (1 - tolerance);
        checks.add(
                String.format(
                        Locale.ROOT,
                        "%s: all mode NDCG@20 %.4f vs served model %s %.4f on the same window"
                                + " (tolerance %.0f%%)",
                        passed ? "passed" : "FAILED",
                        model,
                        served.version(),
                        current,
                        tolerance * 100));
        return passed;
    }

    private boolean compareLifts(Serving served, double lift, List<String> checks) {
        if (served.recordedLiftAll().isEmpty()) {
            checks.add(
                    "skipped: served model "
                            + served.version()
                            + " trained on "
                            + served.daysOfWindowSeen()
                            + " days of the window and recorded no lift to compare with");
            return true;
        }
        double recorded = served.recordedLiftAll().get();
        boolean passed = lift >= recorded * (1 - tolerance);
        checks.add(
                String.format(
                        Locale.ROOT,
                        "%s: lift over the best baseline %.3fx vs %.3fx recorded by served model"
                                + " %s (it trained on %d days of this window; tolerance %.0f%%)",
                        passed ? "passed" : "FAILED",
                        lift,
                        recorded,
                        served.version(),
                        served.daysOfWindowSeen(),
                        tolerance * 100));
        return passed;
    }
}
