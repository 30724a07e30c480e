package io.solstice.train.data;

import io.solstice.event.Interaction;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Where training data comes from: the event store written by the ingest function, or a CSV file.
 */
public final class TrainingDataSource {

    private static final Logger LOG = Logger.getLogger(TrainingDataSource.class);

    /** Parallel scan segments when reading the events table. */
    private static final int SCAN_SEGMENTS = 4;

    private TrainingDataSource() {}

    /** Reads every stored event and catalogue item. */
    public static TrainingData fromStore(EventStore events, CatalogStore catalog) {
        long started = System.nanoTime();
        List<Interaction> interactions = Collections.synchronizedList(new ArrayList<>());
        events.scanAll(SCAN_SEGMENTS, interactions::add);
        TrainingData data = TrainingData.of(new ArrayList<>(interactions), catalog.scanAll());
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
        TrainingData data = TrainingData.of(contents.interactions(), contents.report().catalog());
        LOG.infof(
                "read source=csv file=%s events=%d purchases=%d skipped_rows=%d",
                file, data.eventsRead(), data.log().size(), contents.report().problemCount());
        return data;
    }
}
