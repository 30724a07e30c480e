package io.solstice.local.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@code local/node_modules} folder that {@code npm ci} filled with the stand-ins. */
public final class NodeModules {

    /** System property naming the repository root; surefire sets it from the parent pom. */
    public static final String REPO_ROOT_PROPERTY = "solstice.repo.root";

    private NodeModules() {}

    /**
     * The path of a package's file inside {@code local/node_modules}.
     *
     * @param relative path below node_modules, e.g. {@code dynalite/cli.js}
     * @throws IllegalStateException naming the places searched and how to install the packages
     */
    public static Path resolve(String relative) {
        List<Path> searched = new ArrayList<>();
        for (Path root : candidateRoots()) {
            Path file = root.resolve(relative);
            searched.add(file);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException(
                "cannot find node_modules/"
                        + relative
                        + "; searched "
                        + searched
                        + ". Run `npm ci` in local/ (or `mvn -pl local install`), or set -D"
                        + REPO_ROOT_PROPERTY
                        + "=<repository root>");
    }

    private static List<Path> candidateRoots() {
        List<Path> roots = new ArrayList<>();
        String repoRoot = System.getProperty(REPO_ROOT_PROPERTY);
        if (repoRoot != null && !repoRoot.isBlank()) {
            roots.add(Path.of(repoRoot, "local", "node_modules"));
        }

        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            roots.add(dir.resolve("local").resolve("node_modules"));
            roots.add(dir.resolve("node_modules"));
        }
        return roots;
    }
}
