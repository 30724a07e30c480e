package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingScheduleTest {

    private final TrainingSchedule schedule = TrainingSchedule.defaults();

    @Test
    void givenCutoff_whenDatesChosen_thenEveryLabelWindowEndsBeforeTheCutoff() {
        LocalDate cutoff = LocalDate.of(2011, 11, 1);

        List<LocalDate> dates = schedule.trainingDates(LocalDate.of(2010, 12, 1), cutoff);

        assertThat(dates).hasSize(12).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2011, 10, 4));
        assertThat(dates.get(5)).isEqualTo(LocalDate.of(2011, 8, 30));
        assertThat(dates.get(dates.size() - 1)).isAfterOrEqualTo(LocalDate.of(2010, 12, 29));
        assertThat(dates).allMatch(d -> !d.plusDays(28).isAfter(cutoff));
    }

    @Test
    void givenCutoff_whenModelSelected_thenItsLabelsEndBeforeTheValidationWindow() {
        LocalDate cutoff = LocalDate.of(2011, 11, 1);
        LocalDate validation = schedule.validationDate(cutoff);

        List<LocalDate> dates = schedule.trainingDates(LocalDate.of(2010, 12, 1), validation);

        assertThat(validation).isEqualTo(LocalDate.of(2011, 10, 4));
        assertThat(dates).isNotEmpty().allMatch(d -> !d.plusDays(28).isAfter(validation));
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
