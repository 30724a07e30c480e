package io.solstice.rank.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.calendar.Country;
import io.solstice.calendar.Hemisphere;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.rank.ModelFixture;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContextCacheTest {

    private static final Country GB = new Country("GB", Hemisphere.NORTH);

    private static final LocalDate DAY = LocalDate.of(2011, 11, 15);

    private final ContextCache cache =
            new ContextCache(
                    new CandidateFeatures(
                            ModelFixture.servingModel().signals(), SeasonCalendar.standard()),
                    2);

    @Test
    void theSameDateAndCountryShareOneContext() {
        // when
        CandidateFeatures.Context first = cache.get(DAY, GB);
        CandidateFeatures.Context again = cache.get(DAY, GB);

        // then
        assertThat(again).isSameAs(first);
        assertThat(first.date()).isEqualTo(DAY);
    }

    @Test
    void theLeastRecentlyUsedContextIsDroppedBeyondTheCapacity() {
        // given
        CandidateFeatures.Context kept = cache.get(DAY, GB);
        CandidateFeatures.Context dropped = cache.get(DAY, Country.UNKNOWN);
        cache.get(DAY, GB);

        // when
        cache.get(DAY.plusDays(1), GB);

        // then
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(DAY, GB)).isSameAs(kept);
        assertThat(cache.get(DAY, Country.UNKNOWN)).isNotSameAs(dropped);
    }
}
