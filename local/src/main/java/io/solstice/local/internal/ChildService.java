package io.solstice.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/** A server run as a {@link ChildProcess} on a free loopback port, ready once it answers HTTP. */
public final class ChildService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChildService.class);

    private static final int START_ATTEMPTS = 3;

    private final ChildProcess process;

    private final int port;

    private ChildService(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the command on a free port and waits until it answers HTTP on that port. Retries on
     * another port when the first one was taken in the meantime.
     *
     * @param name short name used for the log file and messages
     * @param command builds the command line for a given port
     * @param environment extra environment variables
     * @param readyTimeout how long to wait for the first HTTP answer
     */
    public static ChildService start(
            String name,
            IntFunction<List<String>> command,
            Map<String, String> environment,
            Duration readyTimeout) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freePort();
            ChildProcess child =
                    ChildProcess.start(name, name + "-" + port, command.apply(port), environment);

            ChildService service = new ChildService(child, port);
            try {
                service.awaitReady(readyTimeout);
                LOG.infof("stand-in ready name=%s endpoint=%s", name, service.endpoint());
                return service;
            } catch (IllegalStateException e) {
                service.close();
                last = e;
                LOG.warnf("stand-in start failed name=%s port=%d attempt=%d", name, port, attempt);
            }
        }
        throw last;
    }

    /** The loopback port the service listens on. */
    public int port() {
        return port;
    }

    /** The {@code http://127.0.0.1:port} address of the service. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The process behind the service. */
    public ChildProcess process() {
        return process;
    }

    /** Kills the process tree. Safe to call more than once. */
    @Override
    public void close() {
        process.close();
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe =
                HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);

        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(failure("exited with " + process.exitValue()));
            }
            if (answers(client, probe)) {
                return;
            }
            Sleeper.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(failure("did not answer within " + timeout));
    }

    private static boolean answers(HttpClient client, HttpRequest probe) {
        try {
            client.send(probe, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stand-in", e);
        }
    }

    private String failure(String what) {
        return process.name()
                + " on port "
                + port
                + " "
                + what
                + "; log "
                + process.logFile()
                + ":\n"
                + process.logTail(20);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
