package io.solstice.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.QuarkusClientSettings;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.Tables;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Starts dynalite for the Quarkus tests, creates the tables and points the function at them. */
public class LocalDynamoDbResource implements QuarkusTestResourceLifecycleManager {

    static final String EVENTS_TABLE = "test-events";

    static final String CATALOG_TABLE = "test-catalog";

    /** Long enough that no test event (2010 onwards) has expired. */
    static final int RETENTION_DAYS = 36_500;

    private LocalDynamoDb dynamo;

    @Override
    public Map<String, String> start() {
        dynamo = LocalDynamoDb.start();
        try (DynamoDbClient client =
                StoreClients.dynamoDb(
                        dynamo.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY)) {
            Tables.createIfMissing(client, EVENTS_TABLE, CATALOG_TABLE);
        }

        Map<String, String> config = new HashMap<>(QuarkusClientSettings.dynamoDb(dynamo));
        config.putAll(
                Map.of(
                        "solstice.events-table",
                        EVENTS_TABLE,
                        "solstice.catalog-table",
                        CATALOG_TABLE,
                        "solstice.events-retention-days",
                        Integer.toString(RETENTION_DAYS)));
        return config;
    }

    @Override
    public void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
