package io.solstice.ingest.backfill;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionJson;
import io.solstice.event.InteractionValidator;
import io.solstice.event.Validated;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.RowProblem;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.store.dynamodb.BatchOutcome;
import io.solstice.store.dynamodb.EventStore;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Imports a historical transactions file into the events table through the ingest function's own
 * path: each row is read by {@link TransactionsCsv}, given a content-derived event id ({@link
 * ContentEventIds}), written as an ingest event ({@link InteractionJson}), checked by {@link
 * InteractionValidator} with the function's time bounds, and stored with {@link EventStore#write}
 * in batches of {@value #BATCH_SIZE}, the request limit of the API.
 *
 * <p>Each row is handled on its own: an unreadable or refused row is counted under its reason and
 * the import goes on. An event already stored with the same content is a duplicate, so running an
 * import again stores nothing twice. A storage failure that outlasts the store's retries stops the
 * import with the {@link io.solstice.store.StoreException}; running it again is safe.
 *
 * <p>Progress is logged every {@code progressEvery} rows (accepted and duplicate count the batches
 * written so far; pending, the valid rows waiting for the next batch), the summary at the end.
 */
public final class EventBackfill {

    /** Events per {@link EventStore#write} call: the most one ingest request may carry. */
    public static final int BATCH_SIZE = InteractionValidator.MAX_EVENTS;

    private static final Logger LOG = Logger.getLogger(EventBackfill.class);

    private final EventStore store;

    private final Instant earliest;

    private final Clock clock;

    private final long progressEvery;

    /**
     * @param store where accepted events go
     * @param earliest the earliest event time accepted, as for the ingest function
     * @param clock the clock the one-day future bound counts from
     * @param progressEvery rows between progress lines; at least 1
     */
    public EventBackfill(EventStore store, Instant earliest, Clock clock, long progressEvery) {
        if (progressEvery < 1) {
            throw new IllegalArgumentException(
                    "progressEvery: expected at least 1, got " + progressEvery);
        }
        this.store = store;
        this.earliest = earliest;
        this.clock = clock;
        this.progressEvery = progressEvery;
    }

    /**
     * Imports every data row of a CSV text with a header row.
     *
     * @param csv the text; not closed here
     * @param mapping which columns hold which field
     * @param source the file's name for the log
     * @throws IllegalArgumentException when the header lacks a mapped column
     * @throws IOException when the text cannot be read
     */
    public BackfillSummary run(Reader csv, ColumnMapping mapping, String source)
            throws IOException {
        LOG.infof("backfill started source=%s columns=%s", source, mapping.columns());
        Run run = new Run(mapping);
        new TransactionsCsv(mapping).read(csv, run::accept, run::reject);
        run.flush();

        BackfillSummary summary = run.summary();
        LOG.infof("backfill done source=%s %s", source, summary.counts());
        summary.reasons()
                .forEach(
                        r ->
                                LOG.infof(
                                        "backfill rejected rows=%d reason=\"%s\" first=\"%s\"",
                                        r.rows(), r.reason(), r.example()));
        return summary;
    }

    /** The state of one import. */
    private final class Run {

        private final long start = System.nanoTime();

        private final ContentEventIds ids = new ContentEventIds();

        private final Rejections rejections;

        private final List<Interaction> pending = new ArrayList<>(BATCH_SIZE);

        private final List<Long> pendingRows = new ArrayList<>(BATCH_SIZE);

        private long rows;

        private long accepted;

        private long duplicate;

        Run(ColumnMapping mapping) {
            this.rejections = new Rejections(mapping);
        }

        void accept(Interaction row) {
            rows++;
            Interaction keyed = ids.withContentId(row);
            Validated<Interaction> event =
                    InteractionValidator.validate(
                            InteractionJson.toWire(keyed), Rejections.PATH, earliest, clock);
            if (event.isValid()) {
                pending.add(event.value());
                pendingRows.add(rows);
            } else {
                rejections.refused(rows, event.errors().get(0));
            }
            afterRow();
        }

        void reject(RowProblem problem) {
            rows++;
            rejections.unreadable(problem);
            afterRow();
        }

        private void afterRow() {
            if (pending.size() == BATCH_SIZE) {
                flush();
            }
            if (rows % progressEvery == 0) {
                LOG.infof(
                        "backfill progress rows=%d accepted=%d duplicate=%d rejected=%d"
                                + " pending=%d rowsPerSecond=%.0f",
                        rows,
                        accepted,
                        duplicate,
                        rejections.rows(),
                        pending.size(),
                        rows / seconds());
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<BatchOutcome.EventResult> results = store.write(pending).results();
            for (int i = 0; i < results.size(); i++) {
                count(results.get(i), pendingRows.get(i));
            }
            pending.clear();
            pendingRows.clear();
        }

        private void count(BatchOutcome.EventResult result, long rowNumber) {
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case CONFLICT -> rejections.conflicting(rowNumber, result.eventId());
            }
        }

        private double seconds() {
            return Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        }

        BackfillSummary summary() {
            return new BackfillSummary(
                    rows,
                    accepted,
                    duplicate,
                    rejections.rows(),
                    rejections.reasons(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
