package io.solstice.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the train job's jar as its own process, the way its container runs it, and waits. */
final class JobProcess {

    private JobProcess() {}

    /**
     * @param mainAndArgs empty to run the jar's main class, else a main class and its arguments
     * @throws IllegalStateException when the process fails, naming it and its exit code
     */
    static void run(
            String name,
            Path jar,
            List<String> mainAndArgs,
            Map<String, String> environment,
            DemoSettings settings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx12g");
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-Dorg.bytedeco.javacpp.cachedir=" + settings.work().resolve("javacpp"));
        if (mainAndArgs.isEmpty()) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(jar.toString());
            command.addAll(mainAndArgs);
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        builder.environment()
                .put("SOLSTICE_CODE_VERSION", System.getProperty("solstice.code.version", "local"));
        Process process = builder.start();
        Thread stopOnExit = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        int exit = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        if (exit != 0) {
            throw new IllegalStateException(name + " failed with exit code " + exit);
        }
    }
}
