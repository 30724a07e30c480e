package io.solstice.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Quarkus' mock Lambda event server, which {@code @QuarkusTest} starts for a Lambda application: a
 * payload posted to it is handed to the real handler exactly as the Lambda runtime would hand it.
 */
public final class MockEventServer {

    /** The configuration key of the server's port in tests. */
    public static final String TEST_PORT_KEY = "quarkus.lambda.mock-event-server.test-port";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MockEventServer() {}

    /**
     * The function's answer to one payload.
     *
     * @param returned whether the handler returned (HTTP 200) rather than failed; a failure's body
     *     is the Lambda error ({@code errorType}, {@code errorMessage})
     * @param body what the handler wrote, or the Lambda error
     */
    public record Answer(boolean returned, String body) {}

    /**
     * Invokes the function with one payload.
     *
     * @param port the server's port, from {@value #TEST_PORT_KEY}
     * @param payload the event or direct-invoke JSON
     */
    public static Answer invoke(int port, String payload) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode() == 200, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking the function", e);
        }
    }
}
