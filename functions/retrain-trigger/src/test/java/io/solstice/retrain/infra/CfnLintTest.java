package io.solstice.retrain.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solstice.retrain.RepoFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code cfn-lint} (with the SAM transform) on {@code infra/template.yaml}, which must pass,
 * and on a copy broken on purpose, which must fail: proof that the linter really reads the
 * template. Skipped where cfn-lint is not on the PATH; CI ({@code .ci/run}) requires it.
 */
class CfnLintTest {

    private static final long TIMEOUT_SECONDS = 180;

    /** The break: a job queue pointing at a compute environment that does not exist. */
    private static final String INTACT = "ComputeEnvironment: !Ref CpuComputeEnvironment\n";

    private static final String BROKEN = "ComputeEnvironment: !Ref CpuComputeEnvironmentGone\n";

    @BeforeAll
    static void requireCfnLint() {
        assumeTrue(
                onPath("cfn-lint"),
                "cfn-lint is not on the PATH; CI installs it (pip install cfn-lint)");
    }

    @Test
    void theTemplatePassesCfnLint() throws Exception {
        // given
        Path template = RepoFiles.template();

        // when
        Lint lint = lint(template);

        // then
        assertThat(lint.exitCode()).as("cfn-lint %s:%n%s", template, lint.output()).isZero();
    }

    @Test
    void aBrokenCopyFailsCfnLint(@TempDir Path dir) throws Exception {
        // given
        String text = Files.readString(RepoFiles.template());
        assertThat(text).contains(INTACT);
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, text.replace(INTACT, BROKEN));

        // when
        Lint lint = lint(broken);

        // then
        assertThat(lint.exitCode())
                .as("cfn-lint on the broken copy:%n%s", lint.output())
                .isNotZero();
        assertThat(lint.output()).contains("CpuComputeEnvironmentGone");
    }

    private record Lint(int exitCode, String output) {}

    private static Lint lint(Path template) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("cfn-lint", template.toString())
                        .redirectErrorStream(true)
                        .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cfn-lint did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Lint(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
