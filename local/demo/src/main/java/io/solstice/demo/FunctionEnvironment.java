package io.solstice.demo;

import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import io.solstice.local.QuarkusClientSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration each function and job gets in the demo: the same variables the SAM template
 * sets in AWS, plus endpoint overrides and static credentials pointing at the local stand-ins.
 */
final class FunctionEnvironment {

    private final LocalDynamoDb dynamoDb;
    private final LocalS3 s3;

    FunctionEnvironment(LocalDynamoDb dynamoDb, LocalS3 s3) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    private Map<String, String> common() {
        Map<String, String> env = new HashMap<>();
        env.put("SOLSTICE_EVENTS_TABLE", LocalDemo.EVENTS_TABLE);
        env.put("SOLSTICE_CATALOG_TABLE", LocalDemo.CATALOG_TABLE);
        env.put("SOLSTICE_MODEL_BUCKET", LocalDemo.MODEL_BUCKET);
        env.put("AWS_REGION", LocalDynamoDb.REGION);
        return env;
    }

    /** The ingest function: DynamoDB only. */
    Map<String, String> ingest() {
        Map<String, String> env = common();
        env.putAll(QuarkusClientSettings.asEnvironment(QuarkusClientSettings.dynamoDb(dynamoDb)));
        return env;
    }

    /** The rank function: DynamoDB for shopper histories, S3 for the model. */
    Map<String, String> rank() {
        Map<String, String> env = common();
        env.putAll(QuarkusClientSettings.asEnvironment(QuarkusClientSettings.dynamoDb(dynamoDb)));
        env.putAll(QuarkusClientSettings.asEnvironment(QuarkusClientSettings.s3(s3)));
        return env;
    }

    /** The train job and the evaluation: plain SDK clients, endpoints by variable. */
    Map<String, String> trainJob() {
        Map<String, String> env = common();
        env.put("SOLSTICE_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        env.put("SOLSTICE_S3_ENDPOINT", s3.endpoint().toString());
        return env;
    }
}
