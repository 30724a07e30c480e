package io.solstice.retrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository the tests read: {@code test-events/} and {@code infra/}. */
public final class RepoFiles {

    private RepoFiles() {}

    /** The repository root, found by walking up from the working directory to {@code infra/}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/template.yaml"))
                    && Files.isDirectory(dir.resolve("test-events"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository root (infra/template.yaml) above "
                        + Path.of("").toAbsolutePath());
    }

    /** The SAM template. */
    public static Path template() {
        return root().resolve("infra/template.yaml");
    }

    /** The event files of a folder under {@code test-events/}, without expectation files. */
    public static List<Path> eventFiles(String folder) {
        try (Stream<Path> files = Files.list(root().resolve("test-events").resolve(folder))) {
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

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
