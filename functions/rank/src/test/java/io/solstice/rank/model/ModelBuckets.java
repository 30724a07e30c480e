package io.solstice.rank.model;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.local.LocalS3;
import io.solstice.store.StoreClients;
import io.solstice.store.s3.ModelRepository;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local S3 stand-in for the model tests, with the real SDK client pointed at it, started once
 * per test class ({@code @RegisterExtension static final ModelBuckets BUCKETS = new
 * ModelBuckets();}). Each test takes a fresh bucket, so that what one publishes never reaches
 * another.
 */
final class ModelBuckets implements BeforeAllCallback, AfterAllCallback {

    private LocalS3 s3;

    private S3Client client;

    @Override
    public void beforeAll(ExtensionContext context) {
        s3 = LocalS3.start();
        client =
                StoreClients.s3(
                        s3.endpoint(),
                        LocalS3.REGION,
                        LocalS3.ACCESS_KEY_ID,
                        LocalS3.SECRET_ACCESS_KEY);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        s3.close();
    }

    S3Client client() {
        return client;
    }

    /**
     * An empty bucket named {@code prefix} and a random suffix, with the repository and the loader
     * (standard calendar, eight cached contexts) the rank function would use on it.
     */
    Bucket newBucket(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        client.createBucket(b -> b.bucket(name));
        ModelRepository repository = new ModelRepository(client, name);
        return new Bucket(
                name, repository, new ModelLoader(repository, name, SeasonCalendar.standard(), 8));
    }

    /** A test's bucket, its model repository and a loader reading from it. */
    record Bucket(String name, ModelRepository repository, ModelLoader loader) {}
}
