package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ItemPopularityTest {

    private final PurchaseLog log =
            new Purchases()
                    .add("u1", "Z", "2024-01-01")
                    .add("u1", "Z", "2024-01-02")
                    .add("u2", "Z", "2024-01-03")
                    .add("u1", "B", "2024-02-20")
                    .add("u1", "A", "2024-02-21")
                    .add("u1", "A", "2024-02-22")
                    .log();

    private int item(String id) {
        return log.items().indexOf(id);
    }

    @Test
    void givenRepeatBuyer_whenCounted_thenBuyersAreDistinctAndLinesAreNot() {
        ItemPopularity popularity = ItemPopularity.distinctBuyers(log);

        assertThat(popularity.buyers(item("Z"))).isEqualTo(2);
        assertThat(popularity.lines(item("Z"))).isEqualTo(3);
        assertThat(popularity.ranking()).containsExactly(item("Z"), item("A"), item("B"));
    }

    @Test
    void givenRecentWindow_whenCounted_thenOnlyItsDaysCountAndTiesGoToTheLowerId() {
        ItemPopularity recent = ItemPopularity.distinctBuyers(log, LocalDate.of(2024, 3, 1), 28);

        assertThat(recent.buyers(item("Z"))).isZero();
        assertThat(recent.ranking()).containsExactly(item("A"), item("B"));
        assertThat(recent.rankedCount()).isEqualTo(2);
    }
}
