package io.solstice.ingest.backfill;

import java.time.Duration;
import java.util.List;

/**
 * What a backfill did with every data row of its file.
 *
 * @param rows data rows read (the header is not counted)
 * @param accepted rows stored as new events
 * @param duplicate rows whose event was already stored (by an earlier import of the same rows)
 * @param rejected rows not stored: unreadable values, values the ingest validator refuses, or an id
 *     stored with other content
 * @param reasons the rejections by reason, most frequent first
 * @param elapsed how long the import took
 */
public record BackfillSummary(
        long rows,
        long accepted,
        long duplicate,
        long rejected,
        List<RejectionReason> reasons,
        Duration elapsed) {

    public BackfillSummary {
        reasons = List.copyOf(reasons);
    }

    /**
     * One reason rows were rejected for.
     *
     * @param reason the column or field and what it should have held, e.g. {@code Quantity:
     *     expected an integer}
     * @param rows how many rows were rejected for it
     * @param example the first such row with the value it had, e.g. {@code row 2001: Quantity:
     *     expected an integer, got "six"}
     */
    public record RejectionReason(String reason, long rows, String example) {}

    /** E.g. {@code rows=2005 accepted=1999 duplicate=0 rejected=6 durationMs=2210}. */
    public String counts() {
        return "rows="
                + rows
                + " accepted="
                + accepted
                + " duplicate="
                + duplicate
                + " rejected="
                + rejected
                + " durationMs="
                + elapsed.toMillis();
    }

    /** The counts, then one line per rejection reason. */
    public String describe() {
        StringBuilder text = new StringBuilder("backfill done ").append(counts());
        for (RejectionReason reason : reasons) {
            text.append(System.lineSeparator())
                    .append("rejected rows=")
                    .append(reason.rows())
                    .append(" reason=\"")
                    .append(reason.reason())
                    .append("\" first=\"")
                    .append(reason.example())
                    .append('"');
        }
        return text.toString();
    }
}
