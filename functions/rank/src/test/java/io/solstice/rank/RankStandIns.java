package io.solstice.rank;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import io.solstice.local.QuarkusClientSettings;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import io.solstice.store.s3.ModelRepository;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts dynalite and s3rver for the Quarkus tests and points the function at them: creates the
 * events table with the {@link ModelFixture#knownShopperEvents() known shopper's events}, publishes
 * the {@link ModelFixture} model to {@link #MODEL_BUCKET}, and leaves {@link #EMPTY_BUCKET} without
 * a model. The bucket and table names are the {@code %test} ones of application.properties.
 */
public class RankStandIns implements QuarkusTestResourceLifecycleManager {

    /** The bucket with the published fixture model. */
    public static final String MODEL_BUCKET = "rank-models";

    /** A bucket no model was ever published to. */
    public static final String EMPTY_BUCKET = "rank-no-model";

    /** The events table. */
    public static final String EVENTS_TABLE = "rank-events";

    private LocalDynamoDb dynamo;

    private LocalS3 s3;

    @Override
    public Map<String, String> start() {
        dynamo = LocalDynamoDb.start();
        s3 = LocalS3.start(MODEL_BUCKET, EMPTY_BUCKET);
        storeEvents();
        publishModel();

        Map<String, String> config = new HashMap<>(QuarkusClientSettings.dynamoDb(dynamo));
        config.putAll(QuarkusClientSettings.s3(s3));
        return config;
    }

    private void storeEvents() {
        try (DynamoDbClient client =
                        StoreClients.dynamoDb(
                                dynamo.endpoint(),
                                LocalDynamoDb.REGION,
                                LocalDynamoDb.ACCESS_KEY_ID,
                                LocalDynamoDb.SECRET_ACCESS_KEY);
                EventStore events = new EventStore(client, EVENTS_TABLE)) {
            Tables.createEventsTableIfMissing(client, EVENTS_TABLE);
            events.write(ModelFixture.knownShopperEvents());
        }
    }

    private void publishModel() {
        try (S3Client client =
                StoreClients.s3(
                        s3.endpoint(),
                        LocalS3.REGION,
                        LocalS3.ACCESS_KEY_ID,
                        LocalS3.SECRET_ACCESS_KEY)) {
            new ModelRepository(client, MODEL_BUCKET)
                    .publish(ModelFixture.VERSION, ModelFixture.servingModel().toFiles());
        }
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
