package io.solstice.retrain;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.QuarkusClientSettings;
import io.solstice.retrain.ledger.RunLedger;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Starts dynalite with the runs table and the Batch stand-in for the Quarkus tests, and points the
 * function at them. One instance serves every test class that names it (one Quarkus start).
 */
public class RetrainStandIns implements QuarkusTestResourceLifecycleManager {

    static final String RUNS_TABLE = "test-retrain-runs";

    static final String JOB_NAME_PREFIX = "solstice-train-test";

    private LocalDynamoDb dynamo;

    private BatchStandIn batch;

    @Override
    public Map<String, String> start() {
        dynamo = LocalDynamoDb.start();
        createRunsTable(dynamo.endpoint());
        batch = BatchStandIn.start();

        Map<String, String> config = new HashMap<>(QuarkusClientSettings.dynamoDb(dynamo));
        config.put("solstice.runs-table", RUNS_TABLE);
        config.put("solstice.job-queue", BatchStandIn.JOB_QUEUE);
        config.put("solstice.job-definition", BatchStandIn.JOB_DEFINITION);
        config.put("solstice.job-name-prefix", JOB_NAME_PREFIX);
        config.put("solstice.batch-endpoint", batch.endpoint().toString());
        return config;
    }

    @Override
    public void stop() {
        if (batch != null) {
            batch.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    /** The runs table as the SAM template defines it: hash key runKey (S), on demand. */
    private static void createRunsTable(URI endpoint) {
        try (DynamoDbClient client =
                DynamoDbClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.of(LocalDynamoDb.REGION))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                LocalDynamoDb.ACCESS_KEY_ID,
                                                LocalDynamoDb.SECRET_ACCESS_KEY)))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            client.createTable(
                    b ->
                            b.tableName(RUNS_TABLE)
                                    .billingMode(BillingMode.PAY_PER_REQUEST)
                                    .attributeDefinitions(
                                            AttributeDefinition.builder()
                                                    .attributeName(RunLedger.RUN_KEY)
                                                    .attributeType(ScalarAttributeType.S)
                                                    .build())
                                    .keySchema(
                                            KeySchemaElement.builder()
                                                    .attributeName(RunLedger.RUN_KEY)
                                                    .keyType(KeyType.HASH)
                                                    .build()));
        }
    }
}
