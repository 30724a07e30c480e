package io.solstice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's {@code test-events/}: one folder per function, each event file {@code x.json}
 * with its expected answer beside it as {@code x.expected.json}. Tests of every function read them
 * through here.
 */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {}

    /**
     * The repository root: {@code -Dsolstice.repo.root} when set, else the first folder above the
     * working directory that holds {@code test-events/}.
     */
    public static Path repoRoot() {
        String configured = System.getProperty("solstice.repo.root");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("test-events"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find test-events/ above "
                        + Path.of("").toAbsolutePath()
                        + "; set -Dsolstice.repo.root");
    }

    /** The event files of a folder under {@code test-events/}, sorted, without expectations. */
    public static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(repoRoot().resolve("test-events").resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expectation file beside an event file. */
    public static Path expectation(Path eventFile) {
        String name = eventFile.getFileName().toString().replace(".json", ".expected.json");
        return eventFile.resolveSibling(name);
    }

    /** A file's text. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's JSON. */
    public static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
