package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ShopperHistoryTest {

    private static final int AS_OF = 15_000;

    @Test
    void givenPurchasesOnSeveralDays_whenSummarised_thenOneWeightPerDistinctDayDecayedByHalfLife() {
        int[] items = {7, 7, 7, 3};
        int[] days = {AS_OF - 60, AS_OF - 60, AS_OF - 1, AS_OF - 120};

        ShopperHistory history = ShopperHistory.of(items, days, items.length, AS_OF);

        int seven = history.find(7);
        assertThat(history.itemCount()).isEqualTo(2);
        assertThat(history.daysAt(seven)).isEqualTo(2);
        assertThat(history.weightAt(seven)).isCloseTo(0.5 + Math.pow(2, -1 / 60.0), offset(1e-9));
        assertThat(history.weightAt(history.find(3))).isCloseTo(0.25, offset(1e-9));
        assertThat(history.rankAt(seven)).isZero();
        assertThat(history.rankAt(history.find(3))).isEqualTo(1);
        assertThat(history.daysSinceLastPurchase()).isEqualTo(1);
    }

    @Test
    void givenPurchasesOnOrAfterTheDate_whenSummarised_thenTheyAreLeftOut() {
        int[] items = {1, 2};
        int[] days = {AS_OF - 5, AS_OF};

        ShopperHistory history = ShopperHistory.of(items, days, items.length, AS_OF);

        assertThat(history.hasBought(1)).isTrue();
        assertThat(history.hasBought(2)).isFalse();
    }

    @Test
    void givenNoPurchases_whenEmpty_thenNothingBoughtAndNoRecency() {
        ShopperHistory history = ShopperHistory.empty();

        assertThat(history.itemCount()).isZero();
        assertThat(history.daysSinceLastPurchase()).isEqualTo(-1);
        assertThat(history.totalWeight()).isZero();
    }
}
