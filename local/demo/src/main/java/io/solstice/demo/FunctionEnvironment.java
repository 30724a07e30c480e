package io.solstice.demo;

import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
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
        putDynamoDb(env);
        return env;
    }

    /** The rank function: DynamoDB for shopper histories, S3 for the model. */
    Map<String, String> rank() {
        Map<String, String> env = common();
        putDynamoDb(env);
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", s3.endpoint().toString());
        env.put("QUARKUS_S3_AWS_REGION", LocalS3.REGION);
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        env.put("QUARKUS_S3_CHUNKED_ENCODING", "false");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", LocalS3.ACCESS_KEY_ID);
        env.put(
                "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                LocalS3.SECRET_ACCESS_KEY);
        return env;
    }

    /** The train job and the evaluation: plain SDK clients, endpoints by variable. */
    Map<String, String> trainJob() {
        Map<String, String> env = common();
        env.put("SOLSTICE_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        env.put("SOLSTICE_S3_ENDPOINT", s3.endpoint().toString());
        return env;
    }

    private void putDynamoDb(Map<String, String> env) {
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoDb.endpoint().toString());
        env.put("QUARKUS_DYNAMODB_AWS_REGION", LocalDynamoDb.REGION);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        env.put(
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
                LocalDynamoDb.ACCESS_KEY_ID);
        env.put(
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                LocalDynamoDb.SECRET_ACCESS_KEY);
    }
}
