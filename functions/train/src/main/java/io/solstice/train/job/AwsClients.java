package io.solstice.train.job;

import io.solstice.store.StoreClients;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients for the train job: the default AWS chain, or local stand-ins when endpoints are set.
 */
public final class AwsClients {

    private static final String LOCAL_KEY = "local";

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(TrainJobSettings settings) {
        return settings.dynamoDbEndpoint()
                .map(uri -> StoreClients.dynamoDb(uri, settings.region(), LOCAL_KEY, LOCAL_KEY))
                .orElseGet(
                        () ->
                                DynamoDbClient.builder()
                                        .region(Region.of(settings.region()))
                                        .httpClient(UrlConnectionHttpClient.create())
                                        .build());
    }

    public static S3Client s3(TrainJobSettings settings) {
        return settings.s3Endpoint()
                .map(uri -> StoreClients.s3(uri, settings.region(), "S3RVER", "S3RVER"))
                .orElseGet(
                        () ->
                                S3Client.builder()
                                        .region(Region.of(settings.region()))
                                        .httpClient(UrlConnectionHttpClient.create())
                                        .build());
    }
}
