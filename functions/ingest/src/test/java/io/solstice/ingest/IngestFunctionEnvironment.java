package io.solstice.ingest;

import io.solstice.local.LocalDynamoDb;
import io.solstice.local.QuarkusClientSettings;
import java.util.HashMap;
import java.util.Map;

/** The environment of the packaged ingest function run against dynalite. */
final class IngestFunctionEnvironment {

    private IngestFunctionEnvironment() {}

    static Map<String, String> of(LocalDynamoDb dynamo, String eventsTable, String catalogTable) {
        Map<String, String> environment =
                new HashMap<>(
                        QuarkusClientSettings.asEnvironment(
                                QuarkusClientSettings.dynamoDb(dynamo)));
        environment.put("SOLSTICE_EVENTS_TABLE", eventsTable);
        environment.put("SOLSTICE_CATALOG_TABLE", catalogTable);
        // set for every function by the SAM template's Globals; ingest must ignore it
        environment.put("SOLSTICE_MODEL_BUCKET", "unused-by-ingest");
        return environment;
    }
}
