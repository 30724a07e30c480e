package io.solstice.event;

/**
 * One problem with one field of a request, phrased so that the sender can fix it without reading
 * our code: {@code events[3].timestamp: expected ISO-8601 date-time with offset such as
 * 2011-06-15T09:30:00+01:00, got "2011-06-15"}.
 *
 * @param field the path of the field in the request body, e.g. {@code events[3].timestamp}
 * @param expected what a valid value looks like
 * @param got what arrived, rendered short: a quoted string, a number, {@code null}, {@code nothing}
 *     when absent, or a description such as {@code an array of 501}
 */
public record FieldError(String field, String expected, String got) {

    /** The one-line message: {@code field: expected ..., got ...}. */
    public String message() {
        return field + ": expected " + expected + ", got " + got;
    }
}
