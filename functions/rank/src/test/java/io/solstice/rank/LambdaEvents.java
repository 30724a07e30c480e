package io.solstice.rank;

import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends Lambda payloads (API Gateway events, direct invokes) through Quarkus' mock event server,
 * which hands them to the real Lambda handler as the Lambda runtime would, and reads the fixtures
 * in {@code test-events/rank/}.
 */
final class LambdaEvents {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Longer than any answer may take: API Gateway gives up after 30 seconds. */
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(30);

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
    static HttpResponse<String> invokeBytes(byte[] payload) {
        int port =
                ConfigProvider.getConfig()
                        .getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                        .header("Content-Type", "application/json")
                        .timeout(INVOKE_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                        .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The event files of {@code test-events/rank/}, without their expectation files. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(repoRoot().resolve("test-events").resolve("rank"))) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expectation file beside an event file. */
    static Path expectation(Path eventFile) {
        String name = eventFile.getFileName().toString().replace(".json", ".expected.json");
        return eventFile.resolveSibling(name);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("test-events"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find test-events/ above the module folder");
    }
}
