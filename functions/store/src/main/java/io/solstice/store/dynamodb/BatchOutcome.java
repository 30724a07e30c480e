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

    /** Whether an event was stored now or had been stored before. */
    public enum Status {
        /** Stored by this call. */
        ACCEPTED,
        /** Not stored: the id was already in the table or earlier in the same batch. */
        DUPLICATE
    }

    /**
     * @param eventId the event's id
     * @param status what happened to it
     */
    public record EventResult(String eventId, Status status) {}

    /** How many events this call stored. */
    public long accepted() {
        return count(Status.ACCEPTED);
    }

    /** How many events were duplicates. */
    public long duplicates() {
        return count(Status.DUPLICATE);
    }

    private long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
