package io.solstice.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/**
 * A stand-in for a Lambda function in tests: polls a {@link LocalLambdaRuntime} on a daemon thread
 * and answers each event with the handler's result, or with an error when the handler returns null.
 */
public final class FakeFunction {

    private final HttpClient http = HttpClient.newHttpClient();

    private final LocalLambdaRuntime runtime;

    private final UnaryOperator<String> handler;

    private FakeFunction(LocalLambdaRuntime runtime, UnaryOperator<String> handler) {
        this.runtime = runtime;
        this.handler = handler;
    }

    /** Starts polling; the thread ends when the runtime closes. */
    public static void start(LocalLambdaRuntime runtime, UnaryOperator<String> handler) {
        FakeFunction function = new FakeFunction(runtime, handler);
        Thread thread = new Thread(function::pollLoop, "fake-function");
        thread.setDaemon(true);
        thread.start();
    }

    /** Posts a body to a runtime API path, e.g. {@code init/error}; returns the status. */
    public static int post(LocalLambdaRuntime runtime, String path, String body) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(uri(runtime, path))
                        .header("Lambda-Runtime-Function-Error-Type", "Function.Unhandled")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void pollLoop() {
        try {
            while (true) {
                HttpRequest next = HttpRequest.newBuilder(uri(runtime, "invocation/next")).build();
                HttpResponse<String> event = http.send(next, HttpResponse.BodyHandlers.ofString());
                if (event.statusCode() != 200) {
                    return;
                }

                String id =
                        event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                String answer = handler.apply(event.body());
                if (answer == null) {
                    post(runtime, "invocation/" + id + "/error", "{\"errorMessage\":\"boom\"}");
                } else {
                    post(runtime, "invocation/" + id + "/response", answer);
                }
            }
        } catch (Exception stopped) {
            // the runtime was closed
        }
    }

    private static URI uri(LocalLambdaRuntime runtime, String path) {
        return URI.create("http://" + runtime.address() + "/2018-06-01/runtime/" + path);
    }
}
