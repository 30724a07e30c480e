package io.solstice.feature;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which as-of dates a model trained for a cutoff learns from. A date's labels are the purchases of
 * the {@code labelDays} from it, so the latest usable date is one label window before the cutoff;
 * older dates are spread over the available history (so the seasonal terms see the whole year),
 * each with at least {@code minHistoryDays} of history behind it.
 *
 * <p>Model selection holds out the last label window: the validation date is one label window
 * before the cutoff, and the model being validated learns from {@code trainingDates(firstDay,
 * validationDate(cutoff))}, whose labels all end before the validation window starts.
 *
 * @param labelDays length of the window whose purchases are the labels
 * @param maxTrainingDates most training dates used
 * @param minSpacingDays least distance between two training dates
 * @param minHistoryDays least history before a training date
 */
public record TrainingSchedule(
        int labelDays, int maxTrainingDates, int minSpacingDays, int minHistoryDays) {

    public static TrainingSchedule defaults() {
        return new TrainingSchedule(28, 12, 7, 28);
    }

    /** The as-of date whose labels validate a model for {@code cutoff}. */
    public LocalDate validationDate(LocalDate cutoff) {
        return cutoff.minusDays(labelDays);
    }

    /**
     * Training as-of dates for a model that may use purchases before {@code cutoff}, latest first,
     * given that the history starts on {@code firstDay}: half of them a week apart, the latest one
     * label window before the cutoff (what is selling now), the other half spread evenly over the
     * older history (so the seasonal terms see the rest of the year). Empty when the history is too
     * short.
     */
    public List<LocalDate> trainingDates(LocalDate firstDay, LocalDate cutoff) {
        LocalDate latest = cutoff.minusDays(labelDays);
        LocalDate earliest = firstDay.plusDays(minHistoryDays);
        List<LocalDate> dates = new ArrayList<>();
        int recent = Math.max(1, maxTrainingDates / 2);
        LocalDate date = latest;
        while (!date.isBefore(earliest) && dates.size() < recent) {
            dates.add(date);
            date = date.minusDays(minSpacingDays);
        }

        int older = maxTrainingDates - dates.size();
        long span = date.toEpochDay() - earliest.toEpochDay();
        if (older <= 0 || span < 0) {
            return dates;
        }
        long spacing = Math.max(minSpacingDays, span / Math.max(1, older - 1));
        for (;
                !date.isBefore(earliest) && dates.size() < maxTrainingDates;
                date = date.minusDays(spacing)) {
            dates.add(date);
        }
        return dates;
    }
}
