package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.solstice.history.PurchaseLog;
import org.junit.jupiter.api.Test;

class ItemSimilarityTest {

    /** Buyers: A by u1, u2, u3; B by u1, u2; C by u2 (twice). */
    private final PurchaseLog log =
            new Purchases()
                    .add("u1", "A", "2024-01-01")
                    .add("u1", "B", "2024-01-02")
                    .add("u2", "A", "2024-01-03")
                    .add("u2", "B", "2024-01-03")
                    .add("u2", "C", "2024-01-04")
                    .add("u2", "C", "2024-01-05")
                    .add("u3", "A", "2024-01-06")
                    .log();

    private final ItemSimilarity similarity = ItemSimilarity.cosineOverBuyers(log);

    private int item(String id) {
        return log.items().indexOf(id);
    }

    @Test
    void givenBuyerSets_whenCompared_thenCosineIsCommonOverRootOfSizes() {
        assertThat(similarity.similarity(item("A"), item("B")))
                .isCloseTo(2 / Math.sqrt(3 * 2), within(1e-6));
        assertThat(similarity.similarity(item("A"), item("C")))
                .isCloseTo(1 / Math.sqrt(3), within(1e-6));
        assertThat(similarity.similarity(item("C"), item("B")))
                .isCloseTo(1 / Math.sqrt(2), within(1e-6));
        assertThat(similarity.similarity(item("A"), item("A"))).isEqualTo(1.0);
        assertThat(similarity.coBuyers(item("A"), item("B"))).isEqualTo(2);
        assertThat(similarity.buyers(item("C"))).isEqualTo(1);
    }

    @Test
    void givenItem_whenAskedForNeighbours_thenBestFirstAndNeverItself() {
        assertThat(similarity.topNeighbours(item("C"), 5)).containsExactly(item("B"), item("A"));
        assertThat(similarity.neighbourCount(item("A"))).isEqualTo(2);
    }

    @Test
    void givenWeightedHistory_whenScoresAdded_thenEachNeighbourGetsWeightTimesSimilarity() {
        double[] scores = new double[similarity.itemCount()];

        similarity.addNeighbourScores(item("A"), 2.0, scores);

        assertThat(scores[item("A")]).isZero();
        assertThat(scores[item("B")]).isCloseTo(2 * 2 / Math.sqrt(6), within(1e-6));
        assertThat(scores[item("C")]).isCloseTo(2 / Math.sqrt(3), within(1e-6));
    }

    @Test
    void givenTopOneNeighbour_whenTrimmed_thenOnlyTheClosestIsKept() {
        ItemSimilarity trimmed = similarity.keepTopNeighbours(1);

        assertThat(trimmed.neighbourCount(item("C"))).isEqualTo(1);
        assertThat(trimmed.neighbour(item("C"), 0)).isEqualTo(item("B"));
        assertThat(trimmed.similarity(item("C"), item("A"))).isZero();
    }
}
