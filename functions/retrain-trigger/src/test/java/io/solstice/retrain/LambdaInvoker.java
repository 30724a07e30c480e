package io.solstice.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends raw events through Quarkus' mock Lambda event server, which hands them to the real handler
 * (Funqy's stream handler) as the Lambda runtime would.
 */
final class LambdaInvoker {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
                ConfigProvider.getConfig()
                        .getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(eventJson))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode() == 200, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
