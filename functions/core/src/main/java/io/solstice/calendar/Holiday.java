package io.solstice.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A day that moves demand, where it is observed, and how long before it demand builds.
 *
 * @param name stable identifier, e.g. {@code christmas}; several definitions may share a name
 *     (Mother's Day falls on different days in the UK and the US)
 * @param rule how the date is found each year
 * @param countries ISO codes where it is observed; {@code *} means everywhere
 * @param leadInDays days before the holiday in which shoppers buy for it
 * @param keywords lower-case words in item descriptions that tie an item to this holiday
 */
public record Holiday(
        String name,
        HolidayRule rule,
        Set<String> countries,
        int leadInDays,
        List<String> keywords) {

    /** True when shoppers in {@code country} observe this holiday. */
    public boolean observedIn(Country country) {
        return countries.contains("*") || countries.contains(country.code());
    }

    /** The first date of this holiday on or after {@code date}, looking at most two years ahead. */
    public Optional<LocalDate> nextOnOrAfter(LocalDate date) {
        for (int year = date.getYear(); year <= date.getYear() + 2; year++) {
            Optional<LocalDate> candidate = rule.dateIn(year);
            if (candidate.isPresent() && !candidate.get().isBefore(date)) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /**
     * How strongly demand for this holiday is building on {@code date}: rises linearly from 0 at
     * the start of the lead-in window to 1 on the day, and is 0 outside the window.
     */
    public double leadInStrength(LocalDate date) {
        Optional<LocalDate> next = nextOnOrAfter(date);
        if (next.isEmpty()) {
            return 0.0;
        }
        long daysUntil = ChronoUnit.DAYS.between(date, next.get());
        if (daysUntil > leadInDays) {
            return 0.0;
        }
        return 1.0 - (double) daysUntil / (leadInDays + 1);
    }
}
