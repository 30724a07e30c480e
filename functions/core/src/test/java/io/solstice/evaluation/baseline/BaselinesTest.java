package io.solstice.evaluation.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.clean.CleanPurchase;
import io.solstice.evaluation.CutoffRanker;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The baselines on a small log, cutoff 2024-03-01. u1 bought A long ago and B recently; u2 and u3
 * bought B with C; u4 bought D twice in the last four weeks; u5 bought A and E long ago.
 */
class BaselinesTest {

    private static final LocalDate CUTOFF = LocalDate.of(2024, 3, 1);
    private static final IntPredicate NONE = item -> false;

    private final PurchaseLog log =
            PurchaseLog.of(
                    List.of(
                            purchase("u1", "A", "2023-06-01"),
                            purchase("u1", "B", "2024-02-25"),
                            purchase("u2", "B", "2024-01-10"),
                            purchase("u2", "C", "2024-01-10"),
                            purchase("u3", "B", "2023-12-10"),
                            purchase("u3", "C", "2023-12-10"),
                            purchase("u4", "D", "2024-02-10"),
                            purchase("u4", "D", "2024-02-12"),
                            purchase("u5", "A", "2023-05-01"),
                            purchase("u5", "E", "2023-05-01")));

    private static CleanPurchase purchase(String user, String item, String date) {
        return new CleanPurchase(
                user + item + date, user, item, LocalDate.parse(date), 1, 1.0, "France");
    }

    private List<String> rank(CutoffRanker ranker, String user, int k, IntPredicate excluded) {
        int[] items = ranker.rank(log.users().indexOf(user), "France", k, excluded);
        return Arrays.stream(items).mapToObj(log.items()::nameOf).toList();
    }

    @Test
    void givenAllTimePopularity_whenRanked_thenMostDistinctBuyersFirstTiesById() {
        CutoffRanker ranker = new AllTimePopularity().fit(log.before(CUTOFF), CUTOFF);

        assertThat(rank(ranker, "u1", 5, NONE)).containsExactly("B", "A", "C", "D", "E");
    }

    @Test
    void givenRecentPopularity_whenRanked_thenLastFourWeeksFirstThenAllTime() {
        CutoffRanker ranker = new RecentPopularity(28).fit(log.before(CUTOFF), CUTOFF);

        assertThat(rank(ranker, "u1", 5, NONE)).containsExactly("B", "D", "A", "C", "E");
    }

    @Test
    void givenHistoryThenPopularity_whenRanked_thenRecentOwnItemsFirst() {
        BaselineSettings settings = BaselineSettings.protocol();
        CutoffRanker ranker =
                new UserHistoryThenPopularity(settings).fit(log.before(CUTOFF), CUTOFF);

        assertThat(rank(ranker, "u1", 3, NONE)).containsExactly("B", "A", "D");
    }

    @Test
    void givenItemKnn_whenRanked_thenItemsCoBoughtWithRecentItemsComeFirst() {
        CutoffRanker ranker =
                ItemKnn.fromHistory(BaselineSettings.protocol()).fit(log.before(CUTOFF), CUTOFF);

        assertThat(rank(ranker, "u1", 3, NONE))
                .as("C and A share buyers with the recent B; E only with the old A")
                .containsExactly("C", "A", "E");
    }

    @Test
    void givenHistoryThenItemKnn_whenPastItemsExcluded_thenOnlyNewItemsAreListed() {
        CutoffRanker ranker =
                ItemKnn.historyFirst(BaselineSettings.protocol()).fit(log.before(CUTOFF), CUTOFF);
        int a = log.items().indexOf("A");
        int b = log.items().indexOf("B");

        assertThat(rank(ranker, "u1", 3, NONE)).containsExactly("B", "A", "C");
        assertThat(rank(ranker, "u1", 3, item -> item == a || item == b))
                .containsExactly("C", "E", "D");
    }
}
