package io.solstice.rank;

import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.MockEventServer;
import io.solstice.local.TestEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends Lambda payloads (API Gateway events, direct invokes) through Quarkus' mock event server,
 * which hands them to the real Lambda handler as the Lambda runtime would, and reads the fixtures
 * in {@code test-events/rank/}.
 */
final class LambdaEvents {

    private LambdaEvents() {}

    /** {@code POST /rank} with a JSON body. */
    static HttpApiResponse postRank(String body) {
        return invoke(HttpApiEvent.post("/rank").jsonBody(body).toJson());
    }

    /** Invokes the function with an API Gateway event and returns its API Gateway response. */
    static HttpApiResponse invoke(String eventJson) {
        return HttpApiResponse.parse(invokeRaw(eventJson));
    }

    /** Invokes the function with any payload and returns what it answered, as text. */
    static String invokeRaw(String payload) {
        return invokeBytes(payload.getBytes(StandardCharsets.UTF_8)).body();
    }

    /**
     * Invokes the function with any bytes, even ones that are not UTF-8, and returns the mock event
     * server's status (not 200 when the function failed) and the answer as text.
     */
    static MockEventServer.Answer invokeBytes(byte[] payload) {
        int port =
                ConfigProvider.getConfig().getValue(MockEventServer.TEST_PORT_KEY, Integer.class);
        return MockEventServer.invoke(port, payload);
    }

    /** The event files of {@code test-events/rank/}, without their expectation files. */
    static List<Path> files() {
        return TestEvents.files("rank");
    }
}
