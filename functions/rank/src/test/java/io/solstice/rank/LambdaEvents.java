package io.solstice.rank;

import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
        int port =
                ConfigProvider.getConfig()
                        .getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
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
