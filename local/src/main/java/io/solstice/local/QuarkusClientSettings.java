package io.solstice.local;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Quarkus configuration that points a function's AWS clients (quarkus-amazon-dynamodb,
 * quarkus-amazon-s3) at the local stand-ins, with their static credentials: as configuration
 * properties for {@code @QuarkusTest} resources, or as the environment variables a packaged
 * function reads.
 */
public final class QuarkusClientSettings {

    private QuarkusClientSettings() {}

    /** The DynamoDB client's settings for dynalite. */
    public static Map<String, String> dynamoDb(LocalDynamoDb dynamo) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.dynamodb.endpoint-override", dynamo.endpoint().toString());
        settings.put("quarkus.dynamodb.aws.region", LocalDynamoDb.REGION);
        settings.put("quarkus.dynamodb.aws.credentials.type", "static");
        settings.put(
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id",
                LocalDynamoDb.ACCESS_KEY_ID);
        settings.put(
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key",
                LocalDynamoDb.SECRET_ACCESS_KEY);
        return settings;
    }

    /**
     * The S3 client's settings for s3rver, which needs path-style addressing and corrupts chunked
     * uploads without a word.
     */
    public static Map<String, String> s3(LocalS3 s3) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.s3.endpoint-override", s3.endpoint().toString());
        settings.put("quarkus.s3.aws.region", LocalS3.REGION);
        settings.put("quarkus.s3.aws.credentials.type", "static");
        settings.put(
                "quarkus.s3.aws.credentials.static-provider.access-key-id", LocalS3.ACCESS_KEY_ID);
        settings.put(
                "quarkus.s3.aws.credentials.static-provider.secret-access-key",
                LocalS3.SECRET_ACCESS_KEY);
        settings.put("quarkus.s3.path-style-access", "true");
        settings.put("quarkus.s3.chunked-encoding", "false");
        return settings;
    }

    /**
     * The same settings as environment variables, named as MicroProfile Config maps them to
     * properties: upper case, every character other than a letter or digit an underscore ({@code
     * quarkus.s3.path-style-access} is {@code QUARKUS_S3_PATH_STYLE_ACCESS}).
     */
    public static Map<String, String> asEnvironment(Map<String, String> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach(
                (key, value) ->
                        environment.put(
                                key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }
}
