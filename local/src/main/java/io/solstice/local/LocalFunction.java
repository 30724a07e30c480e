package io.solstice.local;

import io.solstice.local.internal.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Lambda function run as a child JVM against a {@link LocalLambdaRuntime}, the way the
 * Lambda service runs it: {@code java -jar quarkus-run.jar} with {@code AWS_LAMBDA_RUNTIME_API}
 * set. Its output goes to {@code target/solstice-local/<name>.log}; {@link #close()} kills it.
 */
public final class LocalFunction implements AutoCloseable {

    private final ChildProcess process;

    private LocalFunction(ChildProcess process) {
        this.process = process;
    }

    /**
     * Starts the function and waits until it polls the runtime for its first invocation.
     *
     * @param name function name, also used for the log file
     * @param runnableJar e.g. {@code functions/ingest/target/quarkus-app/quarkus-run.jar}
     * @param runtime the runtime API the function polls
     * @param environment the function's configuration, e.g. table names and endpoints
     * @param jvmOptions options placed before {@code -jar}, e.g. {@code -Xmx512m}
     * @param startTimeout how long initialisation may take
     * @throws IllegalStateException when the jar is missing or the function exits, reports an init
     *     error or does not poll in time; the message holds the end of its log
     */
    public static LocalFunction start(
            String name,
            Path runnableJar,
            LocalLambdaRuntime runtime,
            Map<String, String> environment,
            List<String> jvmOptions,
            Duration startTimeout) {
        if (!Files.isRegularFile(runnableJar)) {
            throw new IllegalStateException(
                    "no function jar at " + runnableJar.toAbsolutePath() + "; build it first");
        }
        ChildProcess process =
                ChildProcess.start(
                        name,
                        name,
                        command(runnableJar, jvmOptions),
                        lambdaEnvironment(name, runtime, environment));

        LocalFunction function = new LocalFunction(process);
        try {
            function.awaitFirstPoll(runtime, startTimeout);
            return function;
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
    }

    /** Whether the function process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The file that receives the function's output. */
    public Path logFile() {
        return process.logFile();
    }

    /** Kills the function process. */
    @Override
    public void close() {
        process.close();
    }

    private void awaitFirstPoll(LocalLambdaRuntime runtime, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(failure("exited with " + process.exitValue()));
            }
            if (runtime.awaitFirstPoll(Duration.ofMillis(200))) {
                return;
            }
        }
        throw new IllegalStateException(failure("did not poll within " + timeout));
    }

    private String failure(String what) {
        return "function "
                + process.name()
                + " "
                + what
                + "; log "
                + process.logFile()
                + ":\n"
                + process.logTail(30);
    }

    private static List<String> command(Path runnableJar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(runnableJar.toAbsolutePath().toString());
        return command;
    }

    private static Map<String, String> lambdaEnvironment(
            String name, LocalLambdaRuntime runtime, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>();
        all.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        all.put("AWS_LAMBDA_FUNCTION_NAME", name);
        all.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        all.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        all.put("AWS_REGION", "us-east-1");
        all.putAll(environment);
        return all;
    }
}
