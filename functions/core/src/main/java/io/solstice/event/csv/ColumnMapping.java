package io.solstice.event.csv;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a transactions CSV file hold which field of an {@link
 * io.solstice.event.Interaction}, and how its timestamps are written.
 *
 * <p>Column names are matched against the header row exactly. The order id, item id, quantity and
 * timestamp columns are required; the other columns may be {@code null} when the file has none
 * (then the field is {@code null}, or {@code NaN} for the price).
 *
 * @param orderId invoice or order number; an order id starting with {@code C} is a cancellation
 * @param itemId stock code or product id
 * @param description item description, or {@code null}
 * @param quantity units on the line (an integer, negative on cancellations)
 * @param timestamp local date and time of the order, written as {@code timestampPattern}
 * @param unitPrice price of one unit, or {@code null}
 * @param userId customer id (empty for guest checkouts), or {@code null}
 * @param country customer's country, or {@code null}
 * @param timestampPattern a {@link DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}
 * @param zone the zone the timestamps are local to; it gives each event its UTC offset
 */
public record ColumnMapping(
        String orderId,
        String itemId,
        String description,
        String quantity,
        String timestamp,
        String unitPrice,
        String userId,
        String country,
        String timestampPattern,
        ZoneId zone) {

    public ColumnMapping {
        Objects.requireNonNull(orderId, "orderId column");
        Objects.requireNonNull(itemId, "itemId column");
        Objects.requireNonNull(quantity, "quantity column");
        Objects.requireNonNull(timestamp, "timestamp column");
        Objects.requireNonNull(timestampPattern, "timestampPattern");
        Objects.requireNonNull(zone, "zone");
        DateTimeFormatter.ofPattern(timestampPattern);
    }

    /**
     * The columns of the UCI Online Retail file: {@code InvoiceNo, StockCode, Description,
     * Quantity, InvoiceDate, UnitPrice, CustomerID, Country}, with {@code InvoiceDate} written as
     * {@code yyyy-MM-dd HH:mm:ss} in UK local time ({@code Europe/London}).
     */
    public static ColumnMapping onlineRetail() {
        return new ColumnMapping(
                "InvoiceNo",
                "StockCode",
                "Description",
                "Quantity",
                "InvoiceDate",
                "UnitPrice",
                "CustomerID",
                "Country",
                "yyyy-MM-dd HH:mm:ss",
                ZoneId.of("Europe/London"));
    }

    /** The field names {@link #withColumn} accepts, in record order. */
    public static final List<String> FIELDS =
            List.of(
                    "orderId",
                    "itemId",
                    "description",
                    "quantity",
                    "timestamp",
                    "unitPrice",
                    "userId",
                    "country");

    /**
     * The same mapping with one field read from another column.
     *
     * @param field one of {@link #FIELDS}, e.g. {@code userId}
     * @param column the header name of the column; empty or {@code null} when the file has none
     *     (allowed for the optional fields only)
     * @throws IllegalArgumentException when {@code field} is not a known field
     */
    public ColumnMapping withColumn(String field, String column) {
        int position = FIELDS.indexOf(field);
        if (position < 0) {
            throw new IllegalArgumentException(
                    "Unknown column mapping field '" + field + "'; expected one of " + FIELDS);
        }
        String[] columns = columnsByField();
        columns[position] = column == null || column.isBlank() ? null : column;
        return of(columns, timestampPattern, zone);
    }

    /** The same mapping with timestamps read in another zone. */
    public ColumnMapping withZone(ZoneId otherZone) {
        return of(columnsByField(), timestampPattern, otherZone);
    }

    /** The same mapping with timestamps written in another pattern. */
    public ColumnMapping withTimestampPattern(String otherPattern) {
        return of(columnsByField(), otherPattern, zone);
    }

    /** The column of each of {@link #FIELDS}, in that order. */
    private String[] columnsByField() {
        return new String[] {
            orderId, itemId, description, quantity, timestamp, unitPrice, userId, country
        };
    }

    private static ColumnMapping of(String[] columns, String timestampPattern, ZoneId zone) {
        return new ColumnMapping(
                columns[0],
                columns[1],
                columns[2],
                columns[3],
                columns[4],
                columns[5],
                columns[6],
                columns[7],
                timestampPattern,
                zone);
    }

    /** The timestamp formatter this mapping describes. */
    public DateTimeFormatter timestampFormatter() {
        return DateTimeFormatter.ofPattern(timestampPattern);
    }

    /** Every column name the mapping uses, required ones first. */
    public List<String> columns() {
        List<String> names = new ArrayList<>(List.of(orderId, itemId, quantity, timestamp));
        for (String optional : new String[] {description, unitPrice, userId, country}) {
            if (optional != null) {
                names.add(optional);
            }
        }
        return names;
    }
}
