package io.solstice.retrain;

import io.solstice.local.TestEvents;
import java.nio.file.Path;
import java.util.List;

/** Files of the repository the tests read: {@code test-events/} and {@code infra/}. */
public final class RepoFiles {

    private RepoFiles() {}

    /** The repository root, the folder holding {@code test-events/} and {@code infra/}. */
    public static Path root() {
        return TestEvents.repoRoot();
    }

    /** The SAM template. */
    public static Path template() {
        return root().resolve("infra/template.yaml");
    }

    /** The event files of a folder under {@code test-events/}, without expectation files. */
    public static List<Path> eventFiles(String folder) {
        return TestEvents.files(folder);
    }

    /** The expectation file beside an event file. */
    public static Path expectation(Path eventFile) {
        return TestEvents.expectation(eventFile);
    }

    public static String read(Path file) {
        return TestEvents.read(file);
    }
}
