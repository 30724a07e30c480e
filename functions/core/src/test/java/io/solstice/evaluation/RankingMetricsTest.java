package io.solstice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.solstice.evaluation.RankingMetrics.ListScore;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private static ListScore score(int[] ranked, int k, Integer... relevant) {
        Set<Integer> set = Set.of(relevant);
        return RankingMetrics.score(ranked, k, set::contains, set.size());
    }

    @Test
    void givenHitsAtRanksOneAndThree_whenScoredAtFour_thenTextbookValues() {
        ListScore score = score(new int[] {1, 2, 3, 4}, 4, 1, 3);

        assertThat(score.precision()).isCloseTo(0.5, EXACT);
        assertThat(score.recall()).isCloseTo(1.0, EXACT);
        assertThat(score.f1()).isCloseTo(2 * 0.5 / 1.5, EXACT);
        double dcg = 1 + 1 / log2(4);
        double idealDcg = 1 + 1 / log2(3);
        assertThat(score.ndcg()).isCloseTo(dcg / idealDcg, EXACT).isCloseTo(0.919721, within(1e-6));
        assertThat(score.averagePrecision()).isCloseTo((1.0 + 2.0 / 3) / 2, EXACT);
        assertThat(score.hit()).isEqualTo(1.0);
    }

    @Test
    void givenMoreRelevantThanK_whenScored_thenIdealAndApUseMinOfKAndRelevant() {
        ListScore score = score(new int[] {1, 2, 3}, 2, 2, 5, 6);

        assertThat(score.precision()).isCloseTo(0.5, EXACT);
        assertThat(score.recall()).isCloseTo(1.0 / 3, EXACT);
        assertThat(score.ndcg()).isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), EXACT);
        assertThat(score.averagePrecision()).isCloseTo(0.5 / 2, EXACT);
    }

    @Test
    void givenListShorterThanK_whenScored_thenMissingPlacesCountAsMisses() {
        ListScore score = score(new int[] {7}, 20, 7);

        assertThat(score.precision()).isCloseTo(1.0 / 20, EXACT);
        assertThat(score.recall()).isCloseTo(1.0, EXACT);
        assertThat(score.ndcg()).isCloseTo(1.0, EXACT);
        assertThat(score.averagePrecision()).isCloseTo(1.0, EXACT);
    }

    @Test
    void givenHitBeyondK_whenScored_thenItDoesNotCount() {
        ListScore score = score(new int[] {1, 2, 3}, 2, 3);

        assertThat(score.precision()).isZero();
        assertThat(score.f1()).isZero();
        assertThat(score.ndcg()).isZero();
        assertThat(score.averagePrecision()).isZero();
        assertThat(score.hit()).isZero();
    }

    @Test
    void givenPerfectList_whenScored_thenNdcgAndApAreOne() {
        ListScore score = score(new int[] {4, 9, 2}, 3, 2, 4, 9);

        assertThat(score.ndcg()).isCloseTo(1.0, EXACT);
        assertThat(score.averagePrecision()).isCloseTo(1.0, EXACT);
        assertThat(score.precision()).isCloseTo(1.0, EXACT);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
