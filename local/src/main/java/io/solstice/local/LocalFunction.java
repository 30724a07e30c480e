package io.solstice.local;

import io.solstice.local.internal.ChildProcess;
import io.solstice.local.internal.FunctionPackage;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Lambda function run as a child process against a {@link LocalLambdaRuntime}, the way
 * the Lambda service runs it. Output goes to {@code target/solstice-local/<name>.log}; {@link
 * #close()} kills the process tree.
 *
 * <p>{@link #startJava} emulates the Java managed runtime: it unpacks the deployment zip (e.g. the
 * {@code function.zip} Quarkus builds) and runs AWS's Runtime Interface Client on it, which polls
 * the runtime API and calls the handler. {@link #startCustom} runs a custom-runtime {@code
 * bootstrap} (e.g. a native executable) that polls the API itself. Note that {@code java -jar} on a
 * Quarkus Lambda runner jar does not poll: in JVM mode Quarkus leaves that to the managed runtime.
 */
public final class LocalFunction implements AutoCloseable {

    /** The handler of every Quarkus Lambda function in JVM mode. */
    public static final String QUARKUS_HANDLER =
            "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /**
     * The ingest function's handler, as {@code infra/template.yaml} deploys it: it takes HTTP API
     * and REST API events and direct invokes in front of Quarkus' handler.
     */
    public static final String INGEST_HANDLER =
            "io.solstice.ingest.lambda.IngestLambdaHandler::handleRequest";

    private static final String RIC_MAIN =
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final ChildProcess process;

    private LocalFunction(ChildProcess process) {
        this.process = process;
    }

    /**
     * Starts a Java function from its deployment zip, as the Lambda Java runtime would, and waits
     * until it polls for its first invocation.
     *
     * @param name function name, also used for the log file and the unpacked folder
     * @param functionZip e.g. {@code functions/ingest/target/function.zip}
     * @param handler e.g. {@link #QUARKUS_HANDLER}
     * @param runtime the runtime API the function polls
     * @param environment the function's configuration, e.g. table names and endpoints
     * @param jvmOptions e.g. {@code -Xmx512m}
     * @param startTimeout how long initialisation may take
     * @throws IllegalStateException when the zip is missing, or the function exits, reports an init
     *     error or does not poll in time; the message holds the end of its log
     */
    public static LocalFunction startJava(
            String name,
            Path functionZip,
            String handler,
            LocalLambdaRuntime runtime,
            Map<String, String> environment,
            List<String> jvmOptions,
            Duration startTimeout) {
        Path taskRoot = FunctionPackage.unpack(functionZip, name);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, FunctionPackage.classpath(taskRoot)));
        command.add(RIC_MAIN);
        command.add(handler);

        Map<String, String> env = new HashMap<>(environment);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        return start(name, command, runtime, env, startTimeout);
    }

    /**
     * Starts a custom-runtime function, a command that polls {@code AWS_LAMBDA_RUNTIME_API} itself,
     * and waits until it polls for its first invocation.
     *
     * @param command e.g. {@code [target/function/bootstrap]}
     */
    public static LocalFunction startCustom(
            String name,
            List<String> command,
            LocalLambdaRuntime runtime,
            Map<String, String> environment,
            Duration startTimeout) {
        return start(name, command, runtime, environment, startTimeout);
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

    private static LocalFunction start(
            String name,
            List<String> command,
            LocalLambdaRuntime runtime,
            Map<String, String> environment,
            Duration startTimeout) {
        ChildProcess process =
                ChildProcess.start(
                        name, name, command, lambdaEnvironment(name, runtime, environment));
        LocalFunction function = new LocalFunction(process);
        try {
            function.awaitFirstPoll(runtime, startTimeout);
            return function;
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
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

    private static Map<String, String> lambdaEnvironment(
            String name, LocalLambdaRuntime runtime, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>();
        all.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        all.put("AWS_LAMBDA_FUNCTION_NAME", name);
        all.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        all.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        all.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        all.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        all.put("AWS_REGION", "us-east-1");
        all.putAll(environment);
        return all;
    }
}
