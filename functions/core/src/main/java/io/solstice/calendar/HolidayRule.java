package io.solstice.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/** How a holiday's date is found in a given year. */
public sealed interface HolidayRule {

    /** The holiday's date in {@code year}, or empty when the rule has no date that year. */
    Optional<LocalDate> dateIn(int year);

    /** The same month and day every year. */
    record Fixed(int month, int day) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            return Optional.of(LocalDate.of(year, month, day));
        }
    }

    /** A number of days from Western (Gregorian) Easter Sunday. */
    record EasterOffset(int offsetDays) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            return Optional.of(easterSunday(year).plusDays(offsetDays));
        }
    }

    /** The n-th given weekday of a month ({@code n = -1}: the last), plus an offset in days. */
    record NthWeekday(int month, DayOfWeek weekday, int n, int offsetDays) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date =
                    n < 0
                            ? first.with(TemporalAdjusters.lastInMonth(weekday))
                            : first.with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
            return Optional.of(date.plusDays(offsetDays));
        }
    }

    /** Explicit dates, for holidays that follow a lunar calendar. */
    record Dates(List<LocalDate> dates) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            return dates.stream().filter(d -> d.getYear() == year).findFirst();
        }
    }

    /**
     * Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for
     * every Gregorian year.
     */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
