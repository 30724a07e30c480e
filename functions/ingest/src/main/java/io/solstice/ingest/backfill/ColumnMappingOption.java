package io.solstice.ingest.backfill;

import io.solstice.event.csv.ColumnMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code --map} option: comma-separated {@code field=Column} pairs that change which
 * header column holds a field, starting from another mapping (by default {@link
 * ColumnMapping#onlineRetail()}). E.g. {@code
 * --map=user=CustomerID,item=StockCode,time=InvoiceDate,quantity=Quantity,price=UnitPrice,country=Country,order=InvoiceNo}.
 *
 * <p>Fields have short names ({@code user, item, time, quantity, price, country, order,
 * description}) and the long names of {@link ColumnMapping#FIELDS}. An empty column ({@code
 * country=}) means the file has none; only the optional fields (user, price, country, description)
 * may be left out.
 */
final class ColumnMappingOption {

    /** Short names, and what they stand for in {@link ColumnMapping}. */
    static final Map<String, String> FIELDS = fields();

    private static final Set<String> REQUIRED =
            Set.of("orderId", "itemId", "quantity", "timestamp");

    private ColumnMappingOption() {}

    /**
     * The base mapping with the pairs of {@code spec} applied.
     *
     * @throws IllegalArgumentException naming the pair that is not {@code field=Column}, the
     *     unknown field, or the required field left without a column
     */
    static ColumnMapping apply(ColumnMapping base, String spec) {
        ColumnMapping mapping = base;
        for (String pair : spec.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "--map: expected field=Column pairs separated by commas, got \""
                                + pair
                                + "\"");
            }
            String field = field(pair.substring(0, equals).trim());
            String column = pair.substring(equals + 1).trim();
            if (column.isEmpty() && REQUIRED.contains(field)) {
                throw new IllegalArgumentException(
                        "--map: expected a column name for " + field + ", got nothing");
            }
            mapping = mapping.withColumn(field, column);
        }
        return mapping;
    }

    private static String field(String name) {
        String field = FIELDS.get(name);
        if (field == null) {
            throw new IllegalArgumentException(
                    "--map: expected a field among " + FIELDS.keySet() + ", got \"" + name + "\"");
        }
        return field;
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user", "userId");
        fields.put("item", "itemId");
        fields.put("time", "timestamp");
        fields.put("quantity", "quantity");
        fields.put("price", "unitPrice");
        fields.put("country", "country");
        fields.put("order", "orderId");
        fields.put("description", "description");
        ColumnMapping.FIELDS.forEach(field -> fields.putIfAbsent(field, field));
        return Collections.unmodifiableMap(fields);
    }
}
