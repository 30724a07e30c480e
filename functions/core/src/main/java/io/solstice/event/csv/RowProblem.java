package io.solstice.event.csv;

/**
 * A data row of a transactions file that could not be read, and why. The row is skipped; the others
 * are kept.
 *
 * @param rowNumber 1-based number of the data row (the header is not counted)
 * @param column the column whose value was wrong, or {@code "*"} for the row as a whole
 * @param value the value found, as written ({@code ""} when empty)
 * @param reason what was expected
 */
public record RowProblem(long rowNumber, String column, String value, String reason) {

    /** E.g. {@code row 17, column Quantity: expected an integer, found "six"}. */
    public String describe() {
        return "row "
                + rowNumber
                + ", column "
                + column
                + ": "
                + reason
                + ", found \""
                + value
                + "\"";
    }
}
