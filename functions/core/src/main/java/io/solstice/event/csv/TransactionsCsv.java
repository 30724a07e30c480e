package io.solstice.event.csv;

import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Reads a transactions CSV file (one row per order line, plain or gzip-compressed) into {@link
 * Interaction interactions} and {@link CatalogItem catalogue items}, one row at a time.
 *
 * <p>Each row becomes one interaction:
 *
 * <ul>
 *   <li>event id: the order id, a dash and the 1-based number of the data row ({@code 536365-1}),
 *       so reading the same file again gives the same ids;
 *   <li>type {@link InteractionType#RETURN} when the order id starts with {@code C}, else {@link
 *       InteractionType#PURCHASE};
 *   <li>user id {@code null} when the customer column is empty (a guest checkout);
 *   <li>time: the local timestamp in the mapping's zone, with that zone's offset on that day.
 * </ul>
 *
 * <p>The catalogue has one item per item id: the latest non-empty description (by timestamp, later
 * rows winning ties) as title and description, the latest positive unit price (a zero or negative
 * price only when the item never had a positive one), in stock.
 *
 * <p>The report also lists the items whose rows carry more than one distinct description.
 *
 * <p>A row whose quantity, timestamp or price cannot be read, or that lacks an order id or item id,
 * is reported as a {@link RowProblem} and skipped; it never stops the reading.
 */
public final class TransactionsCsv {

    /** How many row problems a report keeps in full; all are counted. */
    public static final int MAX_PROBLEMS_KEPT = 1_000;

    private static final Logger LOG = Logger.getLogger(TransactionsCsv.class);

    private final ColumnMapping mapping;
    private final DateTimeFormatter timestampFormat;

    public TransactionsCsv(ColumnMapping mapping) {
        this.mapping = mapping;
        this.timestampFormat = mapping.timestampFormatter();
    }

    /** Reads {@code file} (gzip when its name ends in {@code .gz}), passing each event to sink. */
    public CsvReadReport read(Path file, Consumer<Interaction> sink) throws IOException {
        try (Reader reader = open(file)) {
            CsvReadReport report = read(reader, sink);
            LOG.infov("Read transactions file={0} {1}", file, report.summary());
            return report;
        }
    }

    /** Reads every event of {@code file} into a list; the report has the catalogue and problems. */
    public Contents readAll(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        CsvReadReport report = read(file, interactions::add);
        return new Contents(interactions, report);
    }

    /** Reads CSV text with a header row, passing each event to sink. */
    public CsvReadReport read(Reader reader, Consumer<Interaction> sink) throws IOException {
        return read(reader, sink, problem -> {});
    }

    /**
     * Reads CSV text with a header row, passing each event to sink and each skipped row's problem
     * to problemSink (all of them, where the report keeps only the first {@link
     * #MAX_PROBLEMS_KEPT}), in row order.
     *
     * @throws IllegalArgumentException when the header lacks a mapped column
     */
    public CsvReadReport read(
            Reader reader, Consumer<Interaction> sink, Consumer<RowProblem> problemSink)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Columns columns = Columns.locate(parser.getHeaderMap(), mapping);
            Reading reading = new Reading(columns, sink, problemSink);
            for (CSVRecord record : parser) {
                reading.accept(record);
            }
            return reading.report();
        }
    }

    private static Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** All interactions of a file, with the report of reading it. */
    public record Contents(List<Interaction> interactions, CsvReadReport report) {}

    /** Column positions in the file; -1 for an optional column the mapping leaves out. */
    private record Columns(
            int orderId,
            int itemId,
            int description,
            int quantity,
            int timestamp,
            int unitPrice,
            int userId,
            int country) {

        static Columns locate(Map<String, Integer> header, ColumnMapping mapping) {
            List<String> missing = new ArrayList<>();
            for (String name : mapping.columns()) {
                if (!header.containsKey(name)) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(
                        "Transactions file lacks the mapped columns "
                                + missing
                                + "; its header has "
                                + header.keySet());
            }
            return new Columns(
                    header.get(mapping.orderId()),
                    header.get(mapping.itemId()),
                    position(header, mapping.description()),
                    header.get(mapping.quantity()),
                    header.get(mapping.timestamp()),
                    position(header, mapping.unitPrice()),
                    position(header, mapping.userId()),
                    position(header, mapping.country()));
        }

        private static int position(Map<String, Integer> header, String column) {
            return column == null ? -1 : header.get(column);
        }
    }

    /** Thrown inside a row to skip it; carries the problem. */
    private static final class BadValue extends Exception {
        final transient RowProblem problem;

        BadValue(RowProblem problem) {
            super(problem.describe(), null, false, false);
            this.problem = problem;
        }
    }

    /** The state of one pass over a file. */
    private final class Reading {

        private final Columns columns;
        private final Consumer<Interaction> sink;
        private final Consumer<RowProblem> problemSink;
        private final Map<String, CatalogEntry> catalog = new LinkedHashMap<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private long rows;
        private long interactions;
        private long problemCount;
        private String lastTimestampText;
        private OffsetDateTime lastTimestamp;

        Reading(Columns columns, Consumer<Interaction> sink, Consumer<RowProblem> problemSink) {
            this.columns = columns;
            this.sink = sink;
            this.problemSink = problemSink;
        }

        void accept(CSVRecord record) {
            rows++;
            try {
                Row row = parse(record, rows);
                sink.accept(row.interaction());
                remember(row);
                interactions++;
            } catch (BadValue bad) {
                report(bad.problem);
            }
        }

        private Row parse(CSVRecord record, long rowNumber) throws BadValue {
            String orderId = required(record, columns.orderId(), mapping.orderId(), rowNumber);
            String itemId = required(record, columns.itemId(), mapping.itemId(), rowNumber);
            int quantity = quantity(record, rowNumber);
            OffsetDateTime occurredAt = timestamp(record, rowNumber);
            double unitPrice = unitPrice(record, rowNumber);

            String userId = emptyToNull(text(record, columns.userId()));
            String country = emptyToNull(text(record, columns.country()));
            InteractionType type =
                    orderId.startsWith("C") ? InteractionType.RETURN : InteractionType.PURCHASE;
            Interaction interaction =
                    new Interaction(
                            orderId + "-" + rowNumber,
                            type,
                            userId,
                            itemId,
                            quantity,
                            unitPrice,
                            occurredAt,
                            country,
                            orderId);
            return new Row(interaction, emptyToNull(text(record, columns.description())));
        }

        private String required(CSVRecord record, int column, String name, long rowNumber)
                throws BadValue {
            String value = text(record, column);
            if (value.isEmpty()) {
                throw new BadValue(new RowProblem(rowNumber, name, value, "expected a value"));
            }
            return value;
        }

        private int quantity(CSVRecord record, long rowNumber) throws BadValue {
            String value = text(record, columns.quantity());
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new BadValue(
                        new RowProblem(
                                rowNumber, mapping.quantity(), value, "expected an integer"));
            }
        }

        private OffsetDateTime timestamp(CSVRecord record, long rowNumber) throws BadValue {
            String value = text(record, columns.timestamp());
            if (value.equals(lastTimestampText)) {
                return lastTimestamp;
            }
            try {
                LocalDateTime local = LocalDateTime.parse(value, timestampFormat);
                lastTimestamp = local.atZone(mapping.zone()).toOffsetDateTime();
                lastTimestampText = value;
                return lastTimestamp;
            } catch (DateTimeParseException e) {
                throw new BadValue(
                        new RowProblem(
                                rowNumber,
                                mapping.timestamp(),
                                value,
                                "expected a timestamp like " + mapping.timestampPattern()));
            }
        }

        private double unitPrice(CSVRecord record, long rowNumber) throws BadValue {
            if (columns.unitPrice() < 0) {
                return Double.NaN;
            }
            String value = text(record, columns.unitPrice());
            try {
                double price = Double.parseDouble(value);
                if (Double.isFinite(price)) {
                    return price;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadValue(
                    new RowProblem(rowNumber, mapping.unitPrice(), value, "expected a number"));
        }

        private void remember(Row row) {
            Interaction event = row.interaction();
            catalog.computeIfAbsent(event.itemId(), id -> new CatalogEntry()).update(row);
        }

        private void report(RowProblem problem) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS_KEPT) {
                problems.add(problem);
            }
            problemSink.accept(problem);
            LOG.debugv("Skipped row={0} column={1}", problem.rowNumber(), problem.column());
        }

        CsvReadReport report() {
            List<CatalogItem> items = new ArrayList<>(catalog.size());
            Map<String, List<String>> variants = new LinkedHashMap<>();
            catalog.forEach(
                    (itemId, entry) -> {
                        items.add(entry.toItem(itemId));
                        if (entry.variants.size() > 1) {
                            variants.put(itemId, List.copyOf(entry.variants));
                        }
                    });
            return new CsvReadReport(rows, interactions, problemCount, problems, items, variants);
        }
    }

    private static String text(CSVRecord record, int column) {
        if (column < 0 || column >= record.size()) {
            return "";
        }
        return record.get(column).trim();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A parsed row: the interaction and the item description written on it. */
    private record Row(Interaction interaction, String description) {}

    /** The latest known description and price of one item, and every description it had. */
    private static final class CatalogEntry {
        private final Set<String> variants = new LinkedHashSet<>(2);
        private String description;
        private OffsetDateTime describedAt;
        private double price = Double.NaN;
        private OffsetDateTime pricedAt;

        void update(Row row) {
            OffsetDateTime at = row.interaction().occurredAt();
            if (row.description() != null) {
                variants.add(row.description());
            }
            if (row.description() != null && !isBefore(at, describedAt)) {
                description = row.description();
                describedAt = at;
            }
            double rowPrice = row.interaction().unitPrice();
            boolean better = rowPrice > 0 ? !isBefore(at, pricedAt) : Double.isNaN(price);
            if (!Double.isNaN(rowPrice) && better) {
                price = rowPrice;
                pricedAt = rowPrice > 0 ? at : null;
            }
        }

        private static boolean isBefore(OffsetDateTime at, OffsetDateTime latest) {
            return latest != null && at.isBefore(latest);
        }

        CatalogItem toItem(String itemId) {
            return new CatalogItem(itemId, description, description, null, price, true);
        }
    }
}
