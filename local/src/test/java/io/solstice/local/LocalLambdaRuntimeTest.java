package io.solstice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalLambdaRuntimeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LocalLambdaRuntime runtime = LocalLambdaRuntime.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void invokeReturnsWhatTheFunctionPostsAsResponse() {
        // given
        startFunction(event -> "{\"echo\":" + event + "}");

        // when
        String first = runtime.invoke("{\"n\":1}", TIMEOUT);
        String second = runtime.invoke("{\"n\":2}", TIMEOUT);

        // then
        assertThat(first).isEqualTo("{\"echo\":{\"n\":1}}");
        assertThat(second).isEqualTo("{\"echo\":{\"n\":2}}");
        assertThat(runtime.awaitFirstPoll(Duration.ZERO)).isTrue();
    }

    @Test
    void invokeFailsWithTheErrorTheFunctionReports() {
        // given
        startFunction(event -> null);

        // when / then
        assertThatThrownBy(() -> runtime.invoke("{}", TIMEOUT))
                .isInstanceOf(LambdaInvocationException.class)
                .hasMessageContaining("Function.Unhandled")
                .hasMessageContaining("boom");
    }

    @Test
    void invokeFailsAfterTheTimeoutWhenNoFunctionPolls() {
        // when / then
        assertThatThrownBy(() -> runtime.invoke("{}", Duration.ofMillis(300)))
                .isInstanceOf(LambdaInvocationException.class)
                .hasMessageContaining("no response within PT0.3S");
    }

    @Test
    void initErrorFailsLaterInvocations() throws Exception {
        // given
        post("init/error", "{\"errorType\":\"Config\",\"errorMessage\":\"table missing\"}");

        // when / then
        assertThat(runtime.initError()).hasValueSatisfying(e -> assertThat(e).contains("Config"));
        assertThatThrownBy(() -> runtime.invoke("{}", TIMEOUT))
                .isInstanceOf(LambdaInvocationException.class)
                .hasMessageContaining("failed to initialise")
                .hasMessageContaining("table missing");
    }

    /** A stand-in function: answers with the handler's result, or an error when it is null. */
    private void startFunction(UnaryOperator<String> handler) {
        Thread thread = new Thread(() -> pollLoop(handler), "fake-function");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop(UnaryOperator<String> handler) {
        try {
            while (true) {
                HttpResponse<String> next =
                        http.send(nextRequest(), HttpResponse.BodyHandlers.ofString());
                if (next.statusCode() != 200) {
                    return;
                }

                String id =
                        next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                String answer = handler.apply(next.body());
                if (answer == null) {
                    post("invocation/" + id + "/error", "{\"errorMessage\":\"boom\"}");
                } else {
                    post("invocation/" + id + "/response", answer);
                }
            }
        } catch (Exception stopped) {
            // the runtime was closed
        }
    }

    private HttpRequest nextRequest() {
        return HttpRequest.newBuilder(uri("invocation/next")).build();
    }

    private void post(String path, String body) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(uri(path))
                        .header("Lambda-Runtime-Function-Error-Type", "Function.Unhandled")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private URI uri(String path) {
        return URI.create("http://" + runtime.address() + "/2018-06-01/runtime/" + path);
    }
}
