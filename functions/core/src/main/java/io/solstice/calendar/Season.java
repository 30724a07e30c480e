package io.solstice.calendar;

import java.time.LocalDate;

/** Meteorological seasons: whole months, winter being December to February in the north. */
public enum Season {
    WINTER,
    SPRING,
    SUMMER,
    AUTUMN;

    /** The season of {@code date} in {@code hemisphere}. */
    public static Season of(LocalDate date, Hemisphere hemisphere) {
        int northernIndex = (date.getMonthValue() % 12) / 3; // Dec-Feb 0, Mar-May 1, ...
        int index = hemisphere == Hemisphere.NORTH ? northernIndex : (northernIndex + 2) % 4;
        return values()[index];
    }
}
