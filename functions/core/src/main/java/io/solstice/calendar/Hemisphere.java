package io.solstice.calendar;

/** Which half of the globe a country is in; it decides whether July is summer or winter. */
public enum Hemisphere {
    NORTH,
    SOUTH
}
