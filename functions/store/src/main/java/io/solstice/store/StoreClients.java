package io.solstice.store;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds SDK clients for stand-ins and other explicit endpoints (tests, the local demo). In AWS the
 * functions get their clients from Quarkus or from the default provider chain instead.
 */
public final class StoreClients {

    private StoreClients() {}

    /**
     * A DynamoDB client for an explicit endpoint with static credentials.
     *
     * @param endpoint e.g. the {@code http://127.0.0.1:port} of a local stand-in
     */
    public static DynamoDbClient dynamoDb(
            URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKeyId, secretAccessKey))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * An S3 client for an explicit endpoint with static credentials, path-style addressing and
     * chunked encoding off (s3rver silently corrupts {@code aws-chunked} uploads).
     *
     * @param endpoint e.g. the {@code http://127.0.0.1:port} of a local stand-in
     */
    public static S3Client s3(
            URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        S3Configuration settings =
                S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build();
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKeyId, secretAccessKey))
                .serviceConfiguration(settings)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials(String accessKeyId, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret));
    }
}
