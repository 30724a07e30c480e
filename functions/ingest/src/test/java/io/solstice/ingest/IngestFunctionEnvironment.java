package io.solstice.ingest;

import io.solstice.local.LocalDynamoDb;
import java.util.Map;

/** The environment of the packaged ingest function run against dynalite. */
final class IngestFunctionEnvironment {

    private IngestFunctionEnvironment() {}

    static Map<String, String> of(LocalDynamoDb dynamo, String eventsTable, String catalogTable) {
        return Map.of(
                "SOLSTICE_EVENTS_TABLE",
                eventsTable,
                "SOLSTICE_CATALOG_TABLE",
                catalogTable,
                // set for every function by the SAM template's Globals; ingest must ignore it
                "SOLSTICE_MODEL_BUCKET",
                "unused-by-ingest",
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE",
                dynamo.endpoint().toString(),
                "QUARKUS_DYNAMODB_AWS_REGION",
                LocalDynamoDb.REGION,
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE",
                "static",
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
                LocalDynamoDb.ACCESS_KEY_ID,
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                LocalDynamoDb.SECRET_ACCESS_KEY);
    }
}
