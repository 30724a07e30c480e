package io.solstice.retrain.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.local.TestEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deploy guide ({@code infra/DEPLOY.md}) names only files that exist: every event it sends with
 * {@code sam local}, every script and Dockerfile it runs. Build outputs (under {@code target/}) and
 * globs are not checked.
 */
class DeployGuideTest {

    private static final Pattern REPO_PATH =
            Pattern.compile("\\b((?:test-events|functions|infra|native-build|local)/[\\w./*-]+)");

    @Test
    void everyFileTheGuideNamesExists() throws Exception {
        // given
        Path root = TestEvents.repoRoot();
        String guide = Files.readString(root.resolve("infra/DEPLOY.md"));

        // when
        Set<String> named = new LinkedHashSet<>();
        Matcher m = REPO_PATH.matcher(guide);
        while (m.find()) {
            String path = m.group(1).replaceAll("[.]$", "");
            if (!path.contains("/target/") && !path.contains("*") && !path.endsWith("/")) {
                named.add(path);
            }
        }

        // then
        assertThat(named)
                .as("files named in DEPLOY.md")
                .anyMatch(p -> p.startsWith("test-events/"));
        assertThat(named)
                .as("files named in DEPLOY.md that do not exist")
                .filteredOn(p -> !Files.exists(root.resolve(p)))
                .isEmpty();
    }
}
