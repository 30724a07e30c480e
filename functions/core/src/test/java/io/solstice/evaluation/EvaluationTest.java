package io.solstice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.solstice.clean.CleanPurchase;
import io.solstice.history.PurchaseLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol on a hand-made log. Cutoff 2024-03-01, window of 28 days:
 *
 * <ul>
 *   <li>u1 bought A, B before and A, C, E in the window: a test user; new items C, E;
 *   <li>u2 bought C before and again in the window: a test user with nothing new;
 *   <li>u3 bought only in the window, u4 only before, u5 before and after the window: not tested.
 * </ul>
 *
 * Candidates are A, B, C; E (first sold in the window) and D (after it) are not.
 */
class EvaluationTest {

    private static final LocalDate CUTOFF = LocalDate.of(2024, 3, 1);

    @TempDir Path output;

    private final PurchaseLog log =
            PurchaseLog.of(
                    List.of(
                            purchase("u1", "A", "2024-02-01"),
                            purchase("u1", "B", "2024-02-20"),
                            purchase("u1", "A", "2024-03-05"),
                            purchase("u1", "C", "2024-03-10"),
                            purchase("u1", "E", "2024-03-28"),
                            purchase("u2", "C", "2024-02-10"),
                            purchase("u2", "C", "2024-03-02"),
                            purchase("u3", "B", "2024-03-03"),
                            purchase("u4", "B", "2024-01-15"),
                            purchase("u5", "A", "2024-02-25"),
                            purchase("u5", "D", "2024-03-29")));

    private static CleanPurchase purchase(String user, String item, String date) {
        return new CleanPurchase(
                user + item + date, user, item, LocalDate.parse(date), 1, 1.0, "United Kingdom");
    }

    private Evaluation evaluation(OutOfSeasonRule rule) {
        EvaluationSettings settings =
                new EvaluationSettings(List.of(CUTOFF), 28, List.of(2), output, rule);
        return new Evaluation(log, settings);
    }

    /** Always offers C, A, B in that order, honouring exclusions. */
    private Recommender fixedOrder(String... items) {
        return new Recommender() {
            @Override
            public String name() {
                return "fixed order";
            }

            @Override
            public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
                return (user, country, k, excluded) -> {
                    List<Integer> list = new ArrayList<>();
                    for (String item : items) {
                        int index = history.items().indexOf(item);
                        if (list.size() < k && !excluded.test(index)) {
                            list.add(index);
                        }
                    }
                    return list.stream().mapToInt(Integer::intValue).toArray();
                };
            }
        };
    }

    @Test
    void givenLog_whenEvaluated_thenTestUsersBoughtBeforeAndInTheWindow() throws IOException {
        EvaluationReport report = evaluation(null).evaluate(fixedOrder("C", "A", "B"));

        CutoffScore all = report.scores(EvaluationMode.ALL).get(0);
        CutoffScore discovery = report.scores(EvaluationMode.DISCOVERY).get(0);
        assertThat(all.users()).isEqualTo(2);
        assertThat(all.candidates()).isEqualTo(3);
        assertThat(discovery.users()).as("u2 bought nothing new").isEqualTo(1);
    }

    @Test
    void givenFixedOrder_whenScoredInAllMode_thenMetricsMatchHandComputation() throws IOException {
        EvaluationReport report = evaluation(null).evaluate(fixedOrder("C", "A", "B"));

        MetricsAtK metrics = report.mean(EvaluationMode.ALL, 2);
        assertThat(metrics.precision()).isCloseTo((1.0 + 0.5) / 2, within(1e-9));
        assertThat(metrics.recall()).isCloseTo((2.0 / 3 + 1.0) / 2, within(1e-9));
        assertThat(metrics.ndcg()).isCloseTo(1.0, within(1e-9));
        assertThat(metrics.map()).isCloseTo(1.0, within(1e-9));
        assertThat(metrics.hitRate()).isCloseTo(1.0, within(1e-9));
        assertThat(metrics.coverage()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(metrics.alreadyPurchasedRate()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.outOfSeasonRate()).isNaN();
    }

    @Test
    void givenFixedOrder_whenScoredInDiscovery_thenPastItemsAreExcludedAndOnlyNewItemsCount()
            throws IOException {
        EvaluationReport report = evaluation(null).evaluate(fixedOrder("C", "A", "B"));

        MetricsAtK metrics = report.mean(EvaluationMode.DISCOVERY, 2);
        double idealDcg = 1 + 1 / (Math.log(3) / Math.log(2));
        assertThat(metrics.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.recall()).as("C of C, E").isCloseTo(0.5, within(1e-9));
        assertThat(metrics.ndcg()).isCloseTo(1 / idealDcg, within(1e-9));
        assertThat(metrics.map()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.alreadyPurchasedRate()).isZero();
    }

    @Test
    void givenRecommender_whenFitted_thenItSeesOnlyPurchasesBeforeTheCutoff() throws IOException {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        Recommender spy =
                new Recommender() {
                    @Override
                    public String name() {
                        return "spy";
                    }

                    @Override
                    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
                        seen.put("rows", history.size());
                        seen.put("lastDay", history.lastDay());
                        return (user, country, k, excluded) -> new int[0];
                    }
                };

        evaluation(null).evaluate(spy);

        assertThat(seen.get("rows")).isEqualTo(5);
        assertThat(seen.get("lastDay")).isLessThan((int) CUTOFF.toEpochDay());
    }

    @Test
    void givenDiscoveryMode_whenRanking_thenTheUsersPastItemsArePassedAsExcluded()
            throws IOException {
        Map<String, Boolean> excludedA = new ConcurrentHashMap<>();
        Recommender probe =
                new Recommender() {
                    @Override
                    public String name() {
                        return "probe";
                    }

                    @Override
                    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
                        int a = history.items().indexOf("A");
                        return (user, country, k, excluded) -> {
                            record(history.users().nameOf(user), excluded.test(a));
                            return new int[0];
                        };
                    }

                    private void record(String user, boolean excluded) {
                        excludedA.merge(user, excluded, Boolean::logicalOr);
                    }
                };

        evaluation(null).evaluate(probe);

        assertThat(excludedA).containsEntry("u1", true).containsEntry("u2", false);
    }

    @Test
    void givenRankerReturningAnExcludedItem_whenEvaluated_thenItFailsNamingUserAndItem() {
        Recommender cheat = ignoringExclusions("A");

        assertThatThrownBy(() -> evaluation(null).evaluate(cheat))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user u1")
                .hasMessageContaining("excluded item A");
    }

    @Test
    void givenRankerReturningANonCandidate_whenEvaluated_thenItFails() {
        Recommender future = ignoringExclusions("E");

        assertThatThrownBy(() -> evaluation(null).evaluate(future))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a candidate");
    }

    private Recommender ignoringExclusions(String item) {
        return new Recommender() {
            @Override
            public String name() {
                return "ignores exclusions";
            }

            @Override
            public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
                int index = history.items().indexOf(item);
                return (int user, String country, int k, IntPredicate excluded) ->
                        new int[] {index};
            }
        };
    }

    @Test
    void givenOutOfSeasonRule_whenEvaluated_thenItsShareOfListedItemsIsReported()
            throws IOException {
        int a = log.items().indexOf("A");
        EvaluationReport report =
                evaluation((item, cutoff) -> item == a).evaluate(fixedOrder("C", "A", "B"));

        assertThat(report.mean(EvaluationMode.ALL, 2).outOfSeasonRate())
                .isCloseTo(0.5, within(1e-9));
        assertThat(report.mean(EvaluationMode.DISCOVERY, 2).outOfSeasonRate()).isZero();
    }

    @Test
    void givenEvaluation_whenDone_thenEveryRankedListIsWrittenWithOriginalIds() throws IOException {
        EvaluationReport report = evaluation(null).evaluate(fixedOrder("C", "A", "B"));

        assertThat(readGzip(report.rankedLists()))
                .containsExactly(
                        "cutoff,mode,user,rank,item",
                        "2024-03-01,all,u1,1,C",
                        "2024-03-01,all,u1,2,A",
                        "2024-03-01,all,u2,1,C",
                        "2024-03-01,all,u2,2,A",
                        "2024-03-01,discovery,u1,1,C");
        assertThat(report.table()).contains("fixed order, mode all, K=2").contains("mean");
    }

    private static List<String> readGzip(Path file) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
