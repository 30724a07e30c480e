package io.solstice.local.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Lays out a Java function's deployment zip as the Lambda Java runtime does ({@code /var/task}:
 * classes at the root, jars in {@code lib/}) and builds the class path to run it with AWS's Runtime
 * Interface Client.
 */
public final class FunctionPackage {

    private FunctionPackage() {}

    /**
     * Unpacks the zip into a fresh {@code <log folder>/<name>-task} folder.
     *
     * @return the task root
     */
    public static Path unpack(Path zip, String name) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(
                    "no function package at " + zip.toAbsolutePath() + "; build it first");
        }
        Path root = ChildProcess.logDirectory().resolve(name + "-task");
        deleteRecursively(root);

        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                extract(in, entry, root);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /**
     * The class path: the Runtime Interface Client and its libraries (as the managed runtime
     * provides them), then the task root and its {@code lib/*.jar}.
     */
    public static List<String> classpath(Path taskRoot) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> marker :
                List.of(
                        AWSLambda.class,
                        PojoSerializer.class,
                        Context.class,
                        SdkInternalThreadLocal.class)) {
            entries.add(codeSource(marker));
        }
        entries.add(taskRoot.toString());
        entries.addAll(jars(taskRoot.resolve("lib")));
        return new ArrayList<>(entries);
    }

    private static void extract(ZipInputStream in, ZipEntry entry, Path root) throws IOException {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("zip entry outside the task root: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else {
            Files.createDirectories(target.getParent());
            Files.copy((InputStream) in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> jars(Path lib) {
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.toString().endsWith(".jar"))
                    .sorted()
                    .map(Path::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
    }

    private static String codeSource(Class<?> marker) {
        try {
            return Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the jar of " + marker.getName(), e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
