package io.solstice.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.event.BatchEnvelope;
import io.solstice.event.FieldError;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionValidator;
import io.solstice.event.Validated;
import io.solstice.store.dynamodb.BatchOutcome;
import io.solstice.store.dynamodb.EventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Handles a {@code POST /events} body: checks each event on its own, stores the valid ones and
 * reports per event. An id already stored with the same content is a duplicate, not an error; with
 * other content it is a conflict naming the differing fields, and nothing is changed. One bad event
 * never sinks the batch.
 */
public final class EventIngest {

    private static final Logger LOG = Logger.getLogger(EventIngest.class);

    private final EventStore store;

    private final Instant earliest;

    private final Clock clock;

    /** An ingest with the default time bounds of {@link InteractionValidator}. */
    public EventIngest(EventStore store) {
        this(store, InteractionValidator.DEFAULT_EARLIEST, Clock.systemUTC());
    }

    /**
     * @param store where valid events go
     * @param earliest the earliest event time accepted
     * @param clock the clock that the one-day future bound counts from
     */
    public EventIngest(EventStore store, Instant earliest, Clock clock) {
        this.store = store;
        this.earliest = earliest;
        this.clock = clock;
    }

    /**
     * Ingests one request body.
     *
     * @param body the parsed JSON body, or {@code null} when the request had none
     */
    public IngestOutcome ingest(JsonNode body) {
        long start = System.nanoTime();
        Validated<List<JsonNode>> envelope =
                BatchEnvelope.records(body, "events", InteractionValidator.MAX_EVENTS);
        if (!envelope.isValid()) {
            LOG.infof(
                    "ingest batch unreadable kind=events error=%s",
                    envelope.errors().get(0).message());
            String error = "the body is not a batch of events";
            return new IngestOutcome(
                    IngestOutcome.BAD_REQUEST, IngestResponse.unreadable(error, envelope.errors()));
        }

        List<JsonNode> records = envelope.value();
        List<Validated<Interaction>> checked = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String path = "events[" + i + "]";
            checked.add(InteractionValidator.validate(records.get(i), path, earliest, clock));
        }

        List<Interaction> valid =
                checked.stream().filter(Validated::isValid).map(Validated::value).toList();
        BatchOutcome stored = valid.isEmpty() ? new BatchOutcome(List.of()) : store.write(valid);
        IngestOutcome outcome = respond(records, checked, stored);
        log(outcome.body(), start);
        return outcome;
    }

    private static IngestOutcome respond(
            List<JsonNode> records, List<Validated<Interaction>> checked, BatchOutcome stored) {
        List<RecordResult> results = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < checked.size(); i++) {
            Validated<Interaction> event = checked.get(i);
            results.add(
                    event.isValid()
                            ? stored(i, stored.results().get(next++))
                            : rejected(i, records.get(i), event));
        }

        int accepted = (int) stored.accepted();
        int duplicate = (int) stored.duplicates();
        int conflict = (int) stored.conflicts();
        int rejected = checked.size() - accepted - duplicate - conflict;
        int status = IngestOutcome.statusFor(accepted + duplicate, rejected + conflict);
        String error = status == IngestOutcome.BAD_REQUEST ? unusable(conflict) : null;
        return new IngestOutcome(
                status,
                new IngestResponse(
                        checked.size(),
                        accepted,
                        duplicate,
                        conflict,
                        rejected,
                        error,
                        null,
                        results));
    }

    private static String unusable(int conflict) {
        return conflict == 0
                ? "every event was rejected"
                : "no event was stored: each was rejected or conflicts with a stored event";
    }

    private static RecordResult stored(int index, BatchOutcome.EventResult result) {
        return switch (result.status()) {
            case ACCEPTED ->
                    new RecordResult(index, result.eventId(), null, RecordResult.ACCEPTED, null);
            case DUPLICATE ->
                    new RecordResult(index, result.eventId(), null, RecordResult.DUPLICATE, null);
            case CONFLICT ->
                    new RecordResult(
                            index,
                            result.eventId(),
                            null,
                            RecordResult.CONFLICT,
                            differences(index, result));
        };
    }

    private static List<FieldErrorBody> differences(int index, BatchOutcome.EventResult result) {
        List<FieldErrorBody> errors = new ArrayList<>();
        for (BatchOutcome.FieldDifference difference : result.differences()) {
            FieldError error =
                    new FieldError(
                            "events[" + index + "]." + difference.field(),
                            difference.stored()
                                    + " (the value stored earlier under this eventId;"
                                    + " send a new eventId for a new event)",
                            difference.sent());
            errors.add(FieldErrorBody.of(error));
        }
        return errors;
    }

    private static RecordResult rejected(int index, JsonNode record, Validated<Interaction> event) {
        JsonNode id = record.path("eventId");
        List<FieldErrorBody> errors = event.errors().stream().map(FieldErrorBody::of).toList();
        return new RecordResult(
                index, id.isTextual() ? id.textValue() : null, null, RecordResult.REJECTED, errors);
    }

    private static void log(IngestResponse body, long start) {
        LOG.infof(
                "ingest batch kind=events received=%d accepted=%d duplicate=%d conflict=%d"
                        + " rejected=%d durationMs=%d",
                body.received(),
                body.accepted(),
                body.duplicate(),
                body.conflict(),
                body.rejected(),
                (System.nanoTime() - start) / 1_000_000);
        body.results().stream()
                .filter(r -> r.errors() != null)
                .forEach(
                        r ->
                                LOG.debugf(
                                        "event not stored index=%d eventId=%s status=%s errors=%s",
                                        r.index(), r.eventId(), r.status(), r.errors()));
    }
}
