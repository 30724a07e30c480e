package io.solstice.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackageTest {

    @TempDir Path temp;

    @Test
    void aDeploymentZipIsUnpackedLikeTheLambdaTaskRoot() throws IOException {
        // given
        Path zip = zip("function.zip", List.of("io/solstice/App.class", "lib/a.jar", "lib/b.jar"));

        // when
        Path root = FunctionPackage.unpack(zip, "unpack-test");
        List<String> classpath = FunctionPackage.classpath(root);

        // then
        assertThat(root.resolve("io/solstice/App.class")).exists();
        assertThat(classpath.get(0)).contains("aws-lambda-java-runtime-interface-client");
        assertThat(classpath)
                .endsWith(
                        root.toString(),
                        root.resolve("lib/a.jar").toString(),
                        root.resolve("lib/b.jar").toString());
    }

    @Test
    void anEntryEscapingTheTaskRootIsRefused() throws IOException {
        // given
        Path zip = zip("evil.zip", List.of("../escaped.txt"));

        // when / then
        assertThatThrownBy(() -> FunctionPackage.unpack(zip, "evil-test"))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("outside the task root");
    }

    private Path zip(String name, List<String> entries) throws IOException {
        Path zip = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(entry.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
