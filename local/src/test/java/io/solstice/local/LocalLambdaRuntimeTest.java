package io.solstice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalLambdaRuntimeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LocalLambdaRuntime runtime = LocalLambdaRuntime.start();

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

    private void startFunction(UnaryOperator<String> handler) {
        FakeFunction.start(runtime, handler);
    }

    private void post(String path, String body) throws Exception {
        assertThat(FakeFunction.post(runtime, path, body)).isEqualTo(202);
    }
}
