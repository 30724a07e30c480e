package io.solstice.retrain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.local.MockEventServer;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends raw events through Quarkus' mock Lambda event server, which hands them to the real handler
 * (Funqy's stream handler) as the Lambda runtime would.
 */
final class LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaInvoker() {}

    /**
     * The function's answer to one event.
     *
     * @param ok whether the function returned rather than failed
     * @param body the returned JSON, or the Lambda error ({@code errorType}, {@code errorMessage})
     */
    record Result(boolean ok, JsonNode body) {}

    static Result invoke(String eventJson) {
        int port =
                ConfigProvider.getConfig().getValue(MockEventServer.TEST_PORT_KEY, Integer.class);
        MockEventServer.Answer answer = MockEventServer.invoke(port, eventJson);
        try {
            return new Result(answer.returned(), JSON.readTree(answer.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
