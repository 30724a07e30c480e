package io.solstice.train.job;

import io.solstice.event.Interaction;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local DynamoDB and S3 stand-ins holding the real-data slice ({@code
 * /data/online-retail-slice.csv.gz}) the way the ingest function stores events, with the train
 * job's settings pointing at them. Closing it stops both stand-ins.
 */
final class SliceInStandIns implements AutoCloseable {

    static final String EVENTS = "events";
    static final String CATALOG = "catalog";
    static final String BUCKET = "models";

    private static final int BATCH = 500;

    private final LocalDynamoDb dynamoDb;
    private final LocalS3 s3;
    private final DynamoDbClient dynamoDbClient;
    private final S3Client s3Client;
    private final List<Interaction> slice;

    private SliceInStandIns(LocalDynamoDb dynamoDb, LocalS3 s3) throws Exception {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.dynamoDbClient =
                StoreClients.dynamoDb(
                        dynamoDb.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY);
        this.s3Client =
                StoreClients.s3(
                        s3.endpoint(),
                        LocalS3.REGION,
                        LocalS3.ACCESS_KEY_ID,
                        LocalS3.SECRET_ACCESS_KEY);
        Tables.createIfMissing(dynamoDbClient, EVENTS, CATALOG);

        Path file =
                Path.of(
                        SliceInStandIns.class
                                .getResource("/data/online-retail-slice.csv.gz")
                                .toURI());
        TransactionsCsv.Contents contents =
                new TransactionsCsv(ColumnMapping.onlineRetail()).readAll(file);
        this.slice = contents.interactions();
        write(slice);
        new CatalogStore(dynamoDbClient, CATALOG).upsert(contents.report().catalog());
    }

    /** Starts the stand-ins and stores the slice. */
    static SliceInStandIns start() throws Exception {
        LocalDynamoDb dynamoDb = LocalDynamoDb.start();
        LocalS3 s3 = LocalS3.start(BUCKET);
        try {
            return new SliceInStandIns(dynamoDb, s3);
        } catch (Exception | Error e) {
            dynamoDb.close();
            s3.close();
            throw e;
        }
    }

    /** Stores more events, in batches as the ingest function does. */
    void write(List<Interaction> events) {
        try (EventStore store = new EventStore(dynamoDbClient, EVENTS)) {
            for (int from = 0; from < events.size(); from += BATCH) {
                store.write(events.subList(from, Math.min(events.size(), from + BATCH)));
            }
        }
    }

    /** The train job's settings for these stand-ins. */
    TrainJobSettings settings() {
        return TrainJobSettings.from(
                Map.of(
                        "SOLSTICE_EVENTS_TABLE",
                        EVENTS,
                        "SOLSTICE_CATALOG_TABLE",
                        CATALOG,
                        "SOLSTICE_MODEL_BUCKET",
                        BUCKET,
                        "SOLSTICE_DYNAMODB_ENDPOINT",
                        dynamoDb.endpoint().toString(),
                        "SOLSTICE_S3_ENDPOINT",
                        s3.endpoint().toString(),
                        "SOLSTICE_CODE_VERSION",
                        "test"));
    }

    /** The slice's events, as read from the file. */
    List<Interaction> slice() {
        return slice;
    }

    S3Client s3Client() {
        return s3Client;
    }

    @Override
    public void close() {
        dynamoDbClient.close();
        s3Client.close();
        dynamoDb.close();
        s3.close();
    }
}
