package io.solstice.retrain;

/**
 * The invoking event is not one the trigger understands. The message names the field, what was
 * expected and what arrived; retrying the same event cannot succeed, so fix the schedule's input.
 */
public class BadScheduleEventException extends RuntimeException {

    /**
     * @param field the JSON path of the offending field, e.g. {@code detail.asOf}
     * @param expected what the trigger accepts there
     * @param actual what arrived, as JSON or a short description
     */
    public BadScheduleEventException(String field, String expected, String actual) {
        super("retrain event field " + field + ": expected " + expected + ", got " + actual);
    }
}
