package io.solstice.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Quarkus' mock Lambda event server, which {@code @QuarkusTest} starts for a Lambda application: a
 * payload posted to it is handed to the real handler exactly as the Lambda runtime would hand it.
 */
public final class MockEventServer {

    /** The configuration key of the server's port in tests. */
    public static final String TEST_PORT_KEY = "quarkus.lambda.mock-event-server.test-port";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Longer than any answer may take: API Gateway gives up after 30 seconds. */
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(30);

    private MockEventServer() {}

    /**
     * The function's answer to one payload.
     *
     * @param statusCode the mock server's HTTP status: 200 when the handler returned, another when
     *     it failed
     * @param body what the handler wrote, or the Lambda error ({@code errorType}, {@code
     *     errorMessage})
     */
    public record Answer(int statusCode, String body) {

        /** Whether the handler returned rather than failed. */
        public boolean returned() {
            return statusCode == 200;
        }
    }

    /**
     * Invokes the function with one payload.
     *
     * @param port the server's port, from {@value #TEST_PORT_KEY}
     * @param payload the event or direct-invoke JSON
     */
    public static Answer invoke(int port, String payload) {
        return invoke(port, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Invokes the function with any bytes, even ones that are not UTF-8 or not JSON.
     *
     * @param port the server's port, from {@value #TEST_PORT_KEY}
     * @param payload what the Lambda runtime would hand the function
     */
    public static Answer invoke(int port, byte[] payload) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                        .header("Content-Type", "application/json")
                        .timeout(INVOKE_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking the function", e);
        }
    }
}
