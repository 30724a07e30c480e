package io.solstice.rank;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import io.solstice.store.s3.ModelRepository;
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

        Map<String, String> config = new java.util.HashMap<>(dynamoConfig());
        config.putAll(s3Config());
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

    private Map<String, String> dynamoConfig() {
        return Map.of(
                "quarkus.dynamodb.endpoint-override",
                dynamo.endpoint().toString(),
                "quarkus.dynamodb.aws.region",
                LocalDynamoDb.REGION,
                "quarkus.dynamodb.aws.credentials.type",
                "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id",
                LocalDynamoDb.ACCESS_KEY_ID,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key",
                LocalDynamoDb.SECRET_ACCESS_KEY);
    }

    /** s3rver needs path-style addressing and silently corrupts chunked uploads. */
    private Map<String, String> s3Config() {
        return Map.of(
                "quarkus.s3.endpoint-override",
                s3.endpoint().toString(),
                "quarkus.s3.aws.region",
                LocalS3.REGION,
                "quarkus.s3.aws.credentials.type",
                "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id",
                LocalS3.ACCESS_KEY_ID,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key",
                LocalS3.SECRET_ACCESS_KEY,
                "quarkus.s3.path-style-access",
                "true",
                "quarkus.s3.chunked-encoding",
                "false");
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
