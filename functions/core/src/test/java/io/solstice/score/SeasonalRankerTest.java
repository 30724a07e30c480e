package io.solstice.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.clean.CleanPurchase;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistories;
import io.solstice.feature.ShopperHistory;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingModelWeights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonalRankerTest {

    @Test
    void givenScores_whenTopK_thenBestFirstAndTiesToTheEarlierPosition() {
        float[] scores = {0.5f, 2f, -1f, 2f, 0.7f};

        assertThat(SeasonalRanker.topK(scores, 3)).containsExactly(1, 3, 4);
        assertThat(SeasonalRanker.topK(scores, 10)).containsExactly(1, 3, 4, 0, 2);
        assertThat(SeasonalRanker.topK(scores, 0)).isEmpty();
    }

    @Test
    void givenAGroupCap_whenTopK_thenAFullGroupIsSkippedForTheNextBest() {
        // given candidates 10..15 in groups 0,0,0,1,-1,1 and at most two per group
        int[] candidates = {10, 11, 12, 13, 14, 15};
        float[] scores = {9f, 8f, 7f, 6f, 5f, 4f};
        int[] groups = new int[16];
        java.util.Arrays.fill(groups, -1);
        groups[10] = 0;
        groups[11] = 0;
        groups[12] = 0;
        groups[13] = 1;
        groups[15] = 1;
        RankingRules rules = new RankingRules(Map.of(), groups, 2);

        // when
        int[] top = SeasonalRanker.topKCapped(scores, 5, candidates, rules);

        // then the third item of group 0 gives way; ungrouped items are never capped
        assertThat(top).containsExactly(0, 1, 3, 4, 5);
    }

    @Test
    void givenBoostFactors_whenShifted_thenScoresMoveByTheirLogarithm() {
        // given
        RankingRules rules =
                new RankingRules(
                        Map.of(11, RankingRules.shiftOf(Math.E), 12, RankingRules.shiftOf(0.5)),
                        null,
                        0);
        float[] scores = {1f, 1f, 1f};

        // when
        rules.shift(new int[] {10, 11, 12}, scores);

        // then
        assertThat(scores[0]).isEqualTo(1f);
        assertThat(scores[1]).isCloseTo(2f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(scores[2])
                .isCloseTo(1f - (float) Math.log(2), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void givenCandidatesWithoutPastItems_whenRanked_thenTheDiscoveryNetworkScoresThem() {
        // given: the main network prefers items with many buyers, the discovery network few
        ThreeItems shop = new ThreeItems();
        SeasonalRanker ranker =
                new SeasonalRanker(
                        new ModelScorer(linearOnAllTimeBuyers(1f)),
                        new ModelScorer(linearOnAllTimeBuyers(-1f)),
                        shop.features);

        // when: once with the past item among the candidates, once without
        List<Integer> withPast = shop.rank(ranker, "s1", shop.s1, shop.a, shop.b, shop.c);
        List<Integer> newOnly = shop.rank(ranker, "s1", shop.s1, shop.b, shop.c);

        // then
        assertThat(withPast).containsExactly(shop.a, shop.b, shop.c);
        assertThat(newOnly).containsExactly(shop.c, shop.b);
    }

    @Test
    void givenAShopperWithoutAPast_whenRanked_thenTheNewcomerNetworkScoresThem() {
        // given: the main and discovery networks prefer items with many buyers, the newcomer
        // network items with few
        ThreeItems shop = new ThreeItems();
        SeasonalRanker ranker =
                new SeasonalRanker(
                        new ModelScorer(linearOnAllTimeBuyers(1f)),
                        new ModelScorer(linearOnAllTimeBuyers(1f)),
                        new ModelScorer(linearOnAllTimeBuyers(-1f)),
                        shop.features);
        ShopperHistory none = ShopperHistory.empty();

        // when: a guest, a user the shop never saw, and a returning shopper
        List<Integer> guest = shop.rank(ranker, null, none, shop.a, shop.b, shop.c);
        List<Integer> unknown = shop.rank(ranker, "never-seen", none, shop.a, shop.b, shop.c);
        List<Integer> returning = shop.rank(ranker, "s1", shop.s1, shop.a, shop.b, shop.c);

        // then
        assertThat(guest).containsExactly(shop.c, shop.b, shop.a);
        assertThat(unknown).isEqualTo(guest);
        assertThat(returning).containsExactly(shop.a, shop.b, shop.c);
    }

    /** A sold to 3 shoppers, B to 2, C to 1; shopper s1 bought A. Ranked on 1 March in France. */
    private static final class ThreeItems {

        final PurchaseLog log = log("s1:A", "s2:A", "s3:A", "s2:B", "s3:B", "s3:C");
        final SeasonCalendar calendar = SeasonCalendar.standard();
        final CandidateFeatures features =
                new CandidateFeatures(ItemSignals.of(log, Map.of(), calendar), calendar);
        final LocalDate today = LocalDate.of(2011, 3, 1);
        final CandidateFeatures.Context context = features.context(today, calendar.country("FR"));
        final ShopperHistory s1 =
                ShopperHistories.of(log).asOf(log.users().indexOf("s1"), (int) today.toEpochDay());
        final int a = log.items().indexOf("A");
        final int b = log.items().indexOf("B");
        final int c = log.items().indexOf("C");

        List<Integer> rank(
                SeasonalRanker ranker, String userId, ShopperHistory shopper, int... candidates) {
            return items(
                    ranker.rank(
                            userId,
                            shopper,
                            context,
                            candidates,
                            candidates.length,
                            RankingRules.NONE));
        }
    }

    private static PurchaseLog log(String... userItems) {
        List<CleanPurchase> purchases = new ArrayList<>();
        for (String userItem : userItems) {
            String[] parts = userItem.split(":");
            purchases.add(
                    new CleanPurchase(
                            "e" + purchases.size(),
                            parts[0],
                            parts[1],
                            LocalDate.of(2011, 2, 1),
                            1,
                            1.0,
                            "France"));
        }
        return PurchaseLog.of(purchases);
    }

    /** A network whose score is {@code weight} times the all-time buyers feature. */
    private static RankingModelWeights linearOnAllTimeBuyers(float weight) {
        int n = CandidateFeatures.COUNT;
        float[] min = new float[n];
        float[] max = new float[n];
        Arrays.fill(min, -1e6f);
        Arrays.fill(max, 1e6f);
        float[] scale = new float[n];
        Arrays.fill(scale, 1f);
        float[] linear = new float[n];
        linear[CandidateFeatures.BUYERS_ALL] = weight;
        return new RankingModelWeights(
                CandidateFeatures.NAMES,
                min,
                max,
                new float[n],
                scale,
                new float[n],
                new float[1],
                new float[1],
                linear,
                0f,
                1,
                List.of(),
                List.of(),
                new float[1],
                new float[1],
                new float[RankingModelWeights.SEASON_WIDTH]);
    }

    private static List<Integer> items(List<RankedItem> ranked) {
        return ranked.stream().map(RankedItem::item).toList();
    }
}
