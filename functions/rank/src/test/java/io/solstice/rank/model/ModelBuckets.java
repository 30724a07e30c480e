package io.solstice.rank.model;

import io.solstice.local.LocalS3;
import io.solstice.store.StoreClients;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local S3 stand-in for the model tests, with the real SDK client pointed at it; each test
 * takes a fresh bucket so that what one publishes never reaches another.
 */
final class ModelBuckets implements AutoCloseable {

    private final LocalS3 s3;

    private final S3Client client;

    private ModelBuckets(LocalS3 s3) {
        this.s3 = s3;
        this.client =
                StoreClients.s3(
                        s3.endpoint(),
                        LocalS3.REGION,
                        LocalS3.ACCESS_KEY_ID,
                        LocalS3.SECRET_ACCESS_KEY);
    }

    static ModelBuckets start() {
        return new ModelBuckets(LocalS3.start());
    }

    S3Client client() {
        return client;
    }

    /** Creates an empty bucket named {@code prefix} and a random suffix, and returns its name. */
    String newBucket(String prefix) {
        String bucket = prefix + UUID.randomUUID().toString().substring(0, 8);
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    @Override
    public void close() {
        client.close();
        s3.close();
    }
}
