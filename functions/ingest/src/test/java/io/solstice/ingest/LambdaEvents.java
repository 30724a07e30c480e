package io.solstice.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Sends raw Lambda events through Quarkus' mock event server, which hands them to the real handler
 * exactly as the Lambda runtime would, and reads the fixtures in {@code test-events/}.
 */
final class LambdaEvents {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaEvents() {}

    /** Invokes the function with an event and returns its API Gateway response. */
    static HttpApiResponse invoke(String eventJson) {
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
            return HttpApiResponse.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The event files of a folder under {@code test-events/}, without their expectation files. */
    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(repoRoot().resolve("test-events").resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The HTTP API 2.0 event files of a folder that Quarkus' own handler can answer: what the mock
     * event server of {@code @QuarkusTest} feeds it. Leaves out REST API events, direct invokes and
     * files whose expectation says {@code packagedOnly} (checks made by the packaged handler, see
     * {@code IngestLambdaShapesIT}, which drives every file).
     */
    static List<Path> httpApiFiles(String folder) {
        return files(folder).stream()
                .filter(f -> "2.0".equals(tree(f).path("version").asText()))
                .filter(f -> !tree(expectation(f)).has("packagedOnly"))
                .toList();
    }

    /** The expectation file beside an event file. */
    static Path expectation(Path eventFile) {
        String name = eventFile.getFileName().toString().replace(".json", ".expected.json");
        return eventFile.resolveSibling(name);
    }

    static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repoRoot() {
        String configured = System.getProperty("solstice.repo.root");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("test-events"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find test-events/; set -Dsolstice.repo.root");
    }
}
