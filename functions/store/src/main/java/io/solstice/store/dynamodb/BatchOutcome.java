package io.solstice.store.dynamodb;

import java.util.List;

/**
 * What {@link EventStore#write} did with each event of a batch, in the batch's order.
 *
 * @param results one entry per event sent, in the same order
 */
public record BatchOutcome(List<EventResult> results) {

    public BatchOutcome {
        results = List.copyOf(results);
    }

    /** Whether an event was stored now, had been stored before, or clashes with a stored one. */
    public enum Status {
        /** Stored by this call. */
        ACCEPTED,
        /**
         * Not stored again: the id was already in the table or earlier in the same batch, with the
         * same content.
         */
        DUPLICATE,
        /**
         * Not stored: the id was already in the table, or earlier in the same batch, with other
         * content. The stored event is kept unchanged.
         */
        CONFLICT
    }

    /**
     * One field in which a resent event differs from the event stored under its id.
     *
     * @param field the request field, e.g. {@code quantity} or {@code timestamp}
     * @param stored the stored value, rendered as text; {@code nothing} when absent
     * @param sent the value in this request, rendered the same way
     */
    public record FieldDifference(String field, String stored, String sent) {}

    /**
     * @param eventId the event's id
     * @param status what happened to it
     * @param differences for a {@link Status#CONFLICT}, the fields that differ; else empty
     */
    public record EventResult(String eventId, Status status, List<FieldDifference> differences) {

        public EventResult {
            differences = List.copyOf(differences);
        }

        /** A result without differences. */
        public EventResult(String eventId, Status status) {
            this(eventId, status, List.of());
        }
    }

    /** How many events this call stored. */
    public long accepted() {
        return count(Status.ACCEPTED);
    }

    /** How many events were duplicates. */
    public long duplicates() {
        return count(Status.DUPLICATE);
    }

    /** How many events clashed with a stored event of the same id. */
    public long conflicts() {
        return count(Status.CONFLICT);
    }

    private long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
