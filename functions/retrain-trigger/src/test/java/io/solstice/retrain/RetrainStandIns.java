package io.solstice.retrain;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.solstice.local.LocalDynamoDb;
import io.solstice.retrain.ledger.RunLedger;
import java.net.URI;
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

        return Map.ofEntries(
                Map.entry("quarkus.dynamodb.endpoint-override", dynamo.endpoint().toString()),
                Map.entry("quarkus.dynamodb.aws.region", LocalDynamoDb.REGION),
                Map.entry("quarkus.dynamodb.aws.credentials.type", "static"),
                Map.entry(
                        "quarkus.dynamodb.aws.credentials.static-provider.access-key-id",
                        LocalDynamoDb.ACCESS_KEY_ID),
                Map.entry(
                        "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key",
                        LocalDynamoDb.SECRET_ACCESS_KEY),
                Map.entry("solstice.runs-table", RUNS_TABLE),
                Map.entry("solstice.job-queue", BatchStandIn.JOB_QUEUE),
                Map.entry("solstice.job-definition", BatchStandIn.JOB_DEFINITION),
                Map.entry("solstice.job-name-prefix", JOB_NAME_PREFIX),
                Map.entry("solstice.batch-endpoint", batch.endpoint().toString()));
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
