package io.solstice.train.data;

import io.solstice.event.Interaction;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.quality.QualityOptions;
import io.solstice.quality.SourceEvidence;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Where training data comes from: the event store written by the ingest function, or a CSV file.
 */
public final class TrainingDataSource {

    private static final Logger LOG = Logger.getLogger(TrainingDataSource.class);

    /** Parallel scan segments when reading the events table. */
    private static final int SCAN_SEGMENTS = 4;

    private TrainingDataSource() {}

    /** Reads every stored event and catalogue item; quality measured with defaults as of now. */
    public static TrainingData fromStore(EventStore events, CatalogStore catalog) {
        return fromStore(events, catalog, QualityOptions.defaults(), Instant.now());
    }

    /**
     * Reads every stored event, with the time it was stored, and every catalogue item.
     *
     * @param options how data quality is measured
     * @param asOf the run's as-of time for the quality report
     */
    public static TrainingData fromStore(
            EventStore events, CatalogStore catalog, QualityOptions options, Instant asOf) {
        long started = System.nanoTime();
        List<Interaction> interactions = Collections.synchronizedList(new ArrayList<>());
        Map<String, Instant> storedAt = new ConcurrentHashMap<>();
        events.scanAllStored(
                SCAN_SEGMENTS,
                stored -> {
                    interactions.add(stored.event());
                    stored.storedAt().ifPresent(at -> storedAt.put(stored.event().eventId(), at));
                });

        TrainingData data =
                TrainingData.of(
                        new ArrayList<>(interactions),
                        catalog.scanAll(),
                        SourceEvidence.storedTimes("dynamodb", storedAt),
                        options,
                        asOf);
        LOG.infof(
                "read source=dynamodb events=%d purchases=%d items=%d seconds=%.1f",
                data.eventsRead(),
                data.log().size(),
                data.catalog().size(),
                (System.nanoTime() - started) / 1e9);
        return data;
    }

    /** Reads a transactions file with the given column mapping. */
    public static TrainingData fromCsv(Path file, ColumnMapping mapping) throws IOException {
        TransactionsCsv.Contents contents = new TransactionsCsv(mapping).readAll(file);
        SourceEvidence evidence =
                mapping.description() == null
                        ? SourceEvidence.none("csv")
                        : SourceEvidence.descriptions(
                                "csv", contents.report().descriptionVariants());
        TrainingData data =
                TrainingData.of(
                        contents.interactions(),
                        contents.report().catalog(),
                        evidence,
                        QualityOptions.defaults(),
                        Instant.now());
        LOG.infof(
                "read source=csv file=%s events=%d purchases=%d skipped_rows=%d",
                file, data.eventsRead(), data.log().size(), contents.report().problemCount());
        return data;
    }
}
