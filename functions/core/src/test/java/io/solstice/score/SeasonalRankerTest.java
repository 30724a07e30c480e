package io.solstice.score;

import static org.assertj.core.api.Assertions.assertThat;

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
}
