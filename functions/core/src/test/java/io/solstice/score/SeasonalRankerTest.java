package io.solstice.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeasonalRankerTest {

    @Test
    void givenScores_whenTopK_thenBestFirstAndTiesToTheEarlierPosition() {
        float[] scores = {0.5f, 2f, -1f, 2f, 0.7f};

        assertThat(SeasonalRanker.topK(scores, 3)).containsExactly(1, 3, 4);
        assertThat(SeasonalRanker.topK(scores, 10)).containsExactly(1, 3, 4, 0, 2);
        assertThat(SeasonalRanker.topK(scores, 0)).isEmpty();
    }
}
