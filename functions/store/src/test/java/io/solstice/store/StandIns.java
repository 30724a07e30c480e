package io.solstice.store;

import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalS3;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Clients for the local stand-ins used by the store's tests. */
public final class StandIns {

    private StandIns() {}

    public static DynamoDbClient dynamoDbClient(LocalDynamoDb dynamo) {
        return StoreClients.dynamoDb(
                dynamo.endpoint(),
                LocalDynamoDb.REGION,
                LocalDynamoDb.ACCESS_KEY_ID,
                LocalDynamoDb.SECRET_ACCESS_KEY);
    }

    public static S3Client s3Client(LocalS3 s3) {
        return StoreClients.s3(
                s3.endpoint(), LocalS3.REGION, LocalS3.ACCESS_KEY_ID, LocalS3.SECRET_ACCESS_KEY);
    }
}
