package io.solstice.train.evaluation;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.evaluation.OutOfSeasonRule;
import io.solstice.history.Vocabulary;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation's sanity rule for seasonality: an item is out of season at a cutoff when its
 * description names holidays (by the calendar's keywords) and none of them is in its lead-in window
 * then or was in the last two weeks (after-holiday sales). A Christmas decoration recommended in
 * June counts; an undated best seller never does. Judged for the shop's home country.
 */
final class HolidayTextSeasonRule implements OutOfSeasonRule {

    private static final int AFTER_HOLIDAY_DAYS = 14;

    private final SeasonCalendar calendar;
    private final Vocabulary items;
    private final Map<String, String> descriptions;
    private final Country home;

    HolidayTextSeasonRule(
            SeasonCalendar calendar,
            Vocabulary items,
            Map<String, String> descriptions,
            Country home) {
        this.calendar = calendar;
        this.items = items;
        this.descriptions = descriptions;
        this.home = home;
    }

    @Override
    public boolean isOutOfSeason(int item, LocalDate cutoff) {
        Set<String> holidays = calendar.holidaysMentionedIn(descriptions.get(items.nameOf(item)));
        if (holidays.isEmpty()) {
            return false;
        }
        for (String holiday : holidays) {
            if (inSeason(holiday, cutoff)) {
                return false;
            }
        }
        return true;
    }

    private boolean inSeason(String holiday, LocalDate date) {
        for (int back = 0; back <= AFTER_HOLIDAY_DAYS; back++) {
            if (calendar.leadIn(holiday, date.minusDays(back), home) > 0) {
                return true;
            }
        }
        return false;
    }
}
