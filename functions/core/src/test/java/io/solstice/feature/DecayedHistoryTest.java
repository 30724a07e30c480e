package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.solstice.feature.DecayedHistory.DecayUnit;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DecayedHistoryTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);

    /** A bought on two lines 60 days before, B once the day before, C9 and C10 once long ago. */
    private final PurchaseLog log =
            new Purchases()
                    .add("u", "A", "2024-01-01")
                    .add("u", "A", "2024-01-01")
                    .add("u", "B", "2024-02-29")
                    .add("u", "C9", "2023-03-01")
                    .add("u", "C10", "2023-03-01")
                    .add("v", "B", "2024-02-01")
                    .log();

    private int user(String id) {
        return log.users().indexOf(id);
    }

    private int item(String id) {
        return log.items().indexOf(id);
    }

    @Test
    void givenPurchaseLines_whenDecayedPerLine_thenEveryLineAddsHalfLifeWeight() {
        DecayedHistory history = DecayedHistory.of(log, AS_OF, 60, DecayUnit.PURCHASE_LINE);

        assertThat(history.weight(user("u"), item("A"))).isCloseTo(2 * 0.5, within(1e-12));
        assertThat(history.weight(user("u"), item("B")))
                .isCloseTo(Math.pow(2, -1 / 60.0), within(1e-12));
        assertThat(history.items(user("u")))
                .containsExactly(item("A"), item("B"), item("C10"), item("C9"));
    }

    @Test
    void givenTwoLinesOnOneDay_whenDecayedPerDay_thenTheDayCountsOnce() {
        DecayedHistory history = DecayedHistory.of(log, AS_OF, 60, DecayUnit.PURCHASE_DAY);

        assertThat(history.weight(user("u"), item("A"))).isCloseTo(0.5, within(1e-12));
        assertThat(history.rankedItem(user("u"), 0)).isEqualTo(item("B"));
    }

    @Test
    void givenHistory_whenAsked_thenCountsAndDaysAreReported() {
        DecayedHistory history = DecayedHistory.of(log, AS_OF, 60, DecayUnit.PURCHASE_LINE);
        int u = user("u");

        assertThat(history.itemCount(u)).isEqualTo(4);
        assertThat(history.purchaseLines(u, item("A"))).isEqualTo(2);
        assertThat(history.purchaseDays(u, item("A"))).isEqualTo(1);
        assertThat(history.lastPurchaseDay(u, item("B")))
                .isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(history.daysSinceLastPurchase(u, item("B"))).isEqualTo(1);
        assertThat(history.hasBought(user("v"), item("A"))).isFalse();
        assertThat(history.weight(user("v"), item("A"))).isZero();
        assertThat(history.lastPurchaseDay(user("v"), item("A"))).isEqualTo(-1);
    }

    @Test
    void givenPurchaseOnTheReferenceDate_whenDecayed_thenItIsRejected() {
        PurchaseLog late = new Purchases().add("u", "A", "2024-03-01").log();

        assertThatThrownBy(() -> DecayedHistory.of(late, AS_OF, 60, DecayUnit.PURCHASE_LINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-03-01");
    }
}
