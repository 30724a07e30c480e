package io.solstice.quality.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Typed reading of configuration variables; a bad value is reported with the variable's name. */
public final class EnvironmentValues {

    private final Map<String, String> values;

    public EnvironmentValues(Map<String, String> values) {
        this.values = values;
    }

    /** A share between 0 and 1 inclusive. */
    public double share(String name, double fallback) {
        String expected = "a share between 0 and 1, e.g. 0.25";
        double value = number(name, fallback, expected);
        if (value < 0 || value > 1) {
            throw bad(name, expected);
        }
        return value;
    }

    /** A number of 0 or more. */
    public double nonNegative(String name, double fallback) {
        String expected = "a number of 0 or more";
        double value = number(name, fallback, expected);
        if (value < 0) {
            throw bad(name, expected);
        }
        return value;
    }

    /** A number strictly above {@code bound}. */
    public double above(String name, double fallback, double bound) {
        String expected = "a number above " + bound;
        double value = number(name, fallback, expected);
        if (!(value > bound)) {
            throw bad(name, expected);
        }
        return value;
    }

    /** A whole number of days, 1 to 3650. */
    public int days(String name, int fallback) {
        return (int) count(name, fallback, 1, 3650);
    }

    /** A whole number of at least {@code min}. */
    public long count(String name, long fallback, long min) {
        return count(name, fallback, min, Long.MAX_VALUE);
    }

    private long count(String name, long fallback, long min, long max) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(
                name,
                max == Long.MAX_VALUE
                        ? "a whole number of at least " + min
                        : "a whole number from " + min + " to " + max);
    }

    /** A date written {@code yyyy-MM-dd}. */
    public LocalDate date(String name, LocalDate fallback) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(name, "a date like 2010-12-01");
        }
    }

    private double number(String name, double fallback, String expected) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name, expected);
    }

    private String text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private IllegalArgumentException bad(String name, String expected) {
        return new IllegalArgumentException(
                "environment variable "
                        + name
                        + ": expected "
                        + expected
                        + ", got '"
                        + values.get(name)
                        + "'");
    }
}
