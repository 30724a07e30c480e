package io.solstice.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A child process whose output goes to a log file under {@code target/solstice-local}. Closing it
 * kills the whole process tree; a JVM shutdown hook does the same if nobody closed it.
 */
public final class ChildProcess implements AutoCloseable {

    /** System property that moves the log folder away from {@code target/solstice-local}. */
    public static final String LOG_DIR_PROPERTY = "solstice.local.logDir";

    private static final Logger LOG = Logger.getLogger(ChildProcess.class);

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String name;

    private final Process process;

    private final Path logFile;

    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::kill, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a command with its output appended to {@code <log folder>/<logName>.log}.
     *
     * @param name short name for messages
     * @param logName file name of the log, without {@code .log}
     * @param command the command line
     * @param environment variables added to this JVM's environment
     */
    public static ChildProcess start(
            String name, String logName, List<String> command, Map<String, String> environment) {
        Path logFile = logDirectory().resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);

        try {
            Process process = builder.start();
            LOG.infof("child started name=%s pid=%d log=%s", name, process.pid(), logFile);
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start " + name + " with " + command + ": " + e.getMessage(), e);
        }
    }

    /** The short name given at start. */
    public String name() {
        return name;
    }

    /** The file that receives the process' standard output and error. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status; only meaningful once {@link #isAlive()} is false. */
    public int exitValue() {
        return process.exitValue();
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process tree and waits for it to end. Safe to call more than once. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    private void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);

        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }

    /** The folder for logs and other files of local processes, created when missing. */
    public static Path logDirectory() {
        String configured = System.getProperty(LOG_DIR_PROPERTY);
        Path dir =
                configured != null
                        ? Path.of(configured)
                        : Path.of(System.getProperty("user.dir"), "target", "solstice-local");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folder " + dir, e);
        }
    }
}
