package io.solstice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarkusClientSettingsTest {

    @Test
    void propertiesBecomeTheEnvironmentVariablesQuarkusReadsForThem() {
        // given
        Map<String, String> properties =
                Map.of(
                        "quarkus.s3.path-style-access", "true",
                        "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");

        // when
        Map<String, String> environment = QuarkusClientSettings.asEnvironment(properties);

        // then
        assertThat(environment)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "QUARKUS_S3_PATH_STYLE_ACCESS", "true",
                                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
                                        "local"));
    }
}
