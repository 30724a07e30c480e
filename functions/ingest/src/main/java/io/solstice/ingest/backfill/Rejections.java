package io.solstice.ingest.backfill;

import io.solstice.event.FieldError;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.RowProblem;
import io.solstice.ingest.backfill.BackfillSummary.RejectionReason;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Counts rejected rows by reason, keeping the first row of each reason as an example. A reason
 * names the file's column, and the event field when the ingest validator refused the value: {@code
 * UnitPrice (unitPrice): expected a number from 0 to 1000000}.
 */
final class Rejections {

    private static final Logger LOG = Logger.getLogger(Rejections.class);

    /** The path given to the validator; stripped from the field names it reports. */
    static final String PATH = "row";

    private final ColumnMapping mapping;

    private final Map<String, Tally> byReason = new LinkedHashMap<>();

    private long rows;

    Rejections(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    /** A row the CSV reader could not read. */
    void unreadable(RowProblem problem) {
        String reason = problem.column() + ": " + problem.reason();
        String example =
                "row " + problem.rowNumber() + ": " + reason + ", got \"" + problem.value() + "\"";
        add(problem.rowNumber(), reason, example);
    }

    /** A row the ingest validator refused, with the first of its errors. */
    void refused(long rowNumber, FieldError error) {
        String field = error.field().substring(PATH.length() + 1);
        String reason = label(field) + ": expected " + error.expected();
        add(rowNumber, reason, "row " + rowNumber + ": " + reason + ", got " + error.got());
    }

    /** A row whose content id is stored with other content. */
    void conflicting(long rowNumber, String eventId) {
        String reason = "eventId: stored earlier with other content";
        add(rowNumber, reason, "row " + rowNumber + ": eventId " + eventId + " " + reason);
    }

    long rows() {
        return rows;
    }

    /** The reasons, most frequent first. */
    List<RejectionReason> reasons() {
        return byReason.entrySet().stream()
                .map(e -> new RejectionReason(e.getKey(), e.getValue().rows, e.getValue().example))
                .sorted(Comparator.comparingLong(RejectionReason::rows).reversed())
                .toList();
    }

    private void add(long rowNumber, String reason, String example) {
        rows++;
        byReason.computeIfAbsent(reason, r -> new Tally(example)).rows++;
        LOG.debugf("backfill row rejected row=%d reason=%s", rowNumber, reason);
    }

    private String label(String field) {
        String column =
                switch (field) {
                    case "userId" -> mapping.userId();
                    case "itemId" -> mapping.itemId();
                    case "quantity" -> mapping.quantity();
                    case "unitPrice" -> mapping.unitPrice();
                    case "timestamp" -> mapping.timestamp();
                    case "country" -> mapping.country();
                    case "orderId", "type" -> mapping.orderId();
                    default -> null;
                };
        return column == null ? field : column + " (" + field + ")";
    }

    private static final class Tally {
        private final String example;
        private long rows;

        Tally(String example) {
            this.example = example;
        }
    }
}
