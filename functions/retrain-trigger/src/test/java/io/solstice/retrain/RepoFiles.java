package io.solstice.retrain;

import io.solstice.local.TestEvents;
import java.nio.file.Path;

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
}
