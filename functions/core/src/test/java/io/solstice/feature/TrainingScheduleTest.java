package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingScheduleTest {

    private final TrainingSchedule schedule = TrainingSchedule.defaults();

    @Test
    void givenCutoff_whenDatesChosen_thenEveryLabelWindowEndsBeforeTheValidationWindowStarts() {
        LocalDate cutoff = LocalDate.of(2011, 11, 1);

        List<LocalDate> dates = schedule.trainingDates(LocalDate.of(2010, 12, 1), cutoff);

        assertThat(schedule.validationDate(cutoff)).isEqualTo(LocalDate.of(2011, 10, 4));
        assertThat(dates).hasSize(12).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2011, 9, 27));
        assertThat(dates.get(5)).isEqualTo(LocalDate.of(2011, 8, 23));
        assertThat(dates.get(dates.size() - 1)).isAfterOrEqualTo(LocalDate.of(2010, 12, 29));
        assertThat(dates).allMatch(d -> d.plusDays(28).isBefore(cutoff));
    }

    @Test
    void givenShortHistory_whenDatesChosen_thenOnlyDatesWithFourWeeksOfHistory() {
        List<LocalDate> dates =
                schedule.trainingDates(LocalDate.of(2010, 12, 1), LocalDate.of(2011, 3, 1));

        assertThat(dates).isNotEmpty().allMatch(d -> !d.isBefore(LocalDate.of(2010, 12, 29)));
    }

    @Test
    void givenHistoryShorterThanAWindow_whenDatesChosen_thenNone() {
        assertThat(schedule.trainingDates(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 2, 1)))
                .isEmpty();
    }
}
