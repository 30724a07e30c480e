package io.solstice.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solstice.local.LocalS3;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StandIns;
import io.solstice.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class ModelRepositoryTest {

    private static LocalS3 s3;

    private static S3Client client;

    private String bucket;

    private ModelRepository repository;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
        client = StandIns.s3Client(s3);
    }

    @AfterAll
    static void stopS3() {
        client.close();
        s3.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "models-" + UUID.randomUUID().toString().substring(0, 8);
        client.createBucket(b -> b.bucket(bucket));
        repository = new ModelRepository(client, bucket);
    }

    @Test
    void nothingIsServedBeforeTheFirstPublish() {
        assertThat(repository.loadCurrent()).isEmpty();
        assertThat(repository.currentPointer()).isEmpty();
    }

    @Test
    void aPublishedModelIsLoadedBackByteForByte() {
        // given a 3 MB file, large enough to catch corrupted uploads
        byte[] weights = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(weights);
        Map<String, byte[]> files =
                Map.of("saved_model.pb", weights, "variables/meta.json", bytes("{}"));

        // when
        ModelPointer pointer = repository.publish("2011-12-09.1", files);
        StoredModel loaded = repository.loadCurrent().orElseThrow();

        // then
        assertThat(loaded.version()).isEqualTo("2011-12-09.1");
        assertThat(loaded.files()).containsOnlyKeys("saved_model.pb", "variables/meta.json");
        assertThat(loaded.files().get("saved_model.pb")).isEqualTo(weights);
        assertThat(pointer.sha256())
                .containsEntry(
                        "variables/meta.json",
                        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void theLatestPublishedVersionIsServed() {
        // given
        repository.publish("v1", Map.of("model.bin", bytes("one")));

        // when
        repository.publish("v2", Map.of("model.bin", bytes("two")));

        // then
        StoredModel served = repository.loadCurrent().orElseThrow();
        assertThat(served.version()).isEqualTo("v2");
        assertThat(new String(served.files().get("model.bin"), StandardCharsets.UTF_8))
                .isEqualTo("two");
    }

    @Test
    void aFileThatChangedAfterPublishingFailsTheChecksumNamingVersionAndFile() {
        // given
        repository.publish("v1", Map.of("model.bin", bytes("good"), "vocab.txt", bytes("a\nb")));
        client.putObject(
                b -> b.bucket(bucket).key("models/v1/model.bin"), RequestBody.fromString("bad"));

        // when / then
        assertThatThrownBy(() -> repository.loadCurrent())
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("v1")
                .hasMessageContaining("model.bin")
                .satisfies(
                        e ->
                                assertThat(((ModelIntegrityException) e).file())
                                        .isEqualTo("model.bin"));
    }

    @Test
    void aMissingFileFailsTheLoadNamingIt() {
        // given
        repository.publish("v1", Map.of("model.bin", bytes("good")));
        client.deleteObject(b -> b.bucket(bucket).key("models/v1/model.bin"));

        // when / then
        assertThatThrownBy(() -> repository.loadCurrent())
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("model v1 is missing file model.bin");
    }

    @Test
    void aVersionCannotBePublishedTwice() {
        // given
        repository.publish("v1", Map.of("model.bin", bytes("one")));

        // when / then
        assertThatThrownBy(() -> repository.publish("v1", Map.of("model.bin", bytes("other"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("model v1 is already published");
        assertThat(repository.loadCurrent().orElseThrow().files().get("model.bin"))
                .isEqualTo(bytes("one"));
    }

    @Test
    void badVersionsAndFileNamesAreRefusedBeforeWriting() {
        assertThatThrownBy(() -> repository.publish("../x", Map.of("a", bytes("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../x");
        assertThatThrownBy(() -> repository.publish("v1", Map.of("a/../../b", bytes("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a/../../b");
        assertThat(client.listObjectsV2(b -> b.bucket(bucket)).keyCount()).isZero();
    }

    @Test
    void aMissingBucketIsNamed() {
        // given
        ModelRepository nowhere = new ModelRepository(client, "no-such-bucket");

        // when / then
        assertThatThrownBy(() -> nowhere.publish("v1", Map.of("a", bytes("1"))))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no-such-bucket");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
