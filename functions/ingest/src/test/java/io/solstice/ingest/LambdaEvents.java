package io.solstice.ingest;

import io.solstice.local.HttpApiResponse;
import io.solstice.local.MockEventServer;
import io.solstice.local.TestEvents;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends raw Lambda events through Quarkus' mock event server, which hands them to the real handler
 * exactly as the Lambda runtime would, and reads the fixtures in {@code test-events/}.
 */
final class LambdaEvents {

    private LambdaEvents() {}

    /** Invokes the function with an event and returns its API Gateway response. */
    static HttpApiResponse invoke(String eventJson) {
        int port =
                ConfigProvider.getConfig().getValue(MockEventServer.TEST_PORT_KEY, Integer.class);
        return HttpApiResponse.parse(MockEventServer.invoke(port, eventJson).body());
    }

    /**
     * The HTTP API 2.0 event files of a folder that Quarkus' own handler can answer: what the mock
     * event server of {@code @QuarkusTest} feeds it. Leaves out REST API events, direct invokes and
     * files whose expectation says {@code packagedOnly} (checks made by the packaged handler, see
     * {@code IngestLambdaShapesIT}, which drives every file).
     */
    static List<Path> httpApiFiles(String folder) {
        return TestEvents.files(folder).stream()
                .filter(f -> "2.0".equals(TestEvents.tree(f).path("version").asText()))
                .filter(f -> !TestEvents.tree(TestEvents.expectation(f)).has("packagedOnly"))
                .toList();
    }
}
