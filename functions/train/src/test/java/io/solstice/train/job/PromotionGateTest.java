package io.solstice.train.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.evaluation.EvaluationMode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private final PromotionGate gate = new PromotionGate(0.02);

    /** Figures of one validation window: model, served model and two baselines per mode. */
    private record Window(double model, double served, double knnAll, double knnDiscovery)
            implements PromotionGate.Figures {

        @Override
        public Optional<Double> ndcg(String method, EvaluationMode mode) {
            return switch (method) {
                case ValidationCheck.CANDIDATE ->
                        Optional.of(mode == EvaluationMode.ALL ? model : model / 3);
                case ValidationCheck.SERVING ->
                        Optional.of(mode == EvaluationMode.ALL ? served : served / 3);
                default -> Optional.empty();
            };
        }

        @Override
        public Map.Entry<String, Double> bestBaseline(EvaluationMode mode) {
            return mode == EvaluationMode.ALL
                    ? Map.entry("history-then-item-knn", knnAll)
                    : Map.entry("item-knn", knnDiscovery);
        }
    }

    private static PromotionGate.Serving clean(String version) {
        return new PromotionGate.Serving(version, true, "", 0, Optional.of(1.05));
    }

    @Test
    void givenFirstModelAboveBaselines_whenDecided_thenPromotedWithLiftsRecorded() {
        PromotionGate.Decision decision =
                gate.decide(new Window(0.33, 0, 0.30, 0.10), Optional.empty());

        assertThat(decision.promote()).isTrue();
        assertThat(decision.metrics().get(PromotionGate.LIFT_ALL)).isCloseTo(1.1, within());
        assertThat(decision.metrics().get(PromotionGate.LIFT_DISCOVERY)).isCloseTo(1.1, within());
        assertThat(decision.checks()).anyMatch(c -> c.contains("no model is served yet"));
    }

    @Test
    void givenModelBelowBestDiscoveryBaseline_whenDecided_thenRefusedNamingTheBaseline() {
        PromotionGate.Decision decision =
                gate.decide(new Window(0.33, 0, 0.30, 0.12), Optional.empty());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.checks())
                .anyMatch(c -> c.startsWith("FAILED: discovery mode") && c.contains("item-knn"));
    }

    @Test
    void givenServedModelClearlyBetterOnAWindowItNeverSaw_whenDecided_thenRefused() {
        PromotionGate.Decision decision =
                gate.decide(new Window(0.33, 0.35, 0.30, 0.10), Optional.of(clean("v1")));

        assertThat(decision.promote()).isFalse();
        assertThat(decision.checks())
                .anyMatch(c -> c.startsWith("FAILED") && c.contains("served model v1"));
    }

    @Test
    void givenServedModelBetterWithinTolerance_whenDecided_thenPromoted() {
        PromotionGate.Decision decision =
                gate.decide(new Window(0.33, 0.335, 0.30, 0.10), Optional.of(clean("v1")));

        assertThat(decision.promote()).isTrue();
    }

    @Test
    void givenServedModelTrainedOnTheWindow_whenDecided_thenLiftsAreCompared() {
        PromotionGate.Serving sawWindow =
                new PromotionGate.Serving("v1", true, "", 21, Optional.of(1.20));

        PromotionGate.Decision decision =
                gate.decide(new Window(0.33, 0.40, 0.30, 0.10), Optional.of(sawWindow));

        assertThat(decision.promote()).isFalse();
        assertThat(decision.checks())
                .anyMatch(c -> c.contains("1.100x vs 1.200x") && c.contains("21 days"));
    }

    @Test
    void givenServedModelOnOtherFeatures_whenDecided_thenComparisonSkippedAndSaid() {
        PromotionGate.Decision decision =
                gate.decide(
                        new Window(0.33, 0, 0.30, 0.10),
                        Optional.of(
                                PromotionGate.Serving.incomparable(
                                        "v0", "it was trained on other features")));

        assertThat(decision.promote()).isTrue();
        assertThat(decision.checks()).anyMatch(c -> c.startsWith("skipped: served model v0"));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
