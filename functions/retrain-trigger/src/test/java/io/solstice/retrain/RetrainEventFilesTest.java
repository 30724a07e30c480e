package io.solstice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.local.JsonSubset;
import io.solstice.local.TestEvents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every event in {@code test-events/retrain-trigger/} through the real Lambda handler twice,
 * as a retried delivery would, and checks the outcome and the SubmitJob requests the Batch stand-in
 * received against the file's {@code .expected.json}: {@code outcome} (first delivery), {@code
 * redelivery} (second), {@code submitJob} (the one request body) or {@code error} (the Lambda
 * error, with no request at all).
 */
@QuarkusTest
@QuarkusTestResource(RetrainStandIns.class)
class RetrainEventFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> eventFiles() {
        return TestEvents.files("retrain-trigger");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void twoDeliveriesOfOneEventSubmitAtMostOneJob(Path file) throws Exception {
        // given
        String event = TestEvents.read(file);
        JsonNode expected = JSON.readTree(TestEvents.read(TestEvents.expectation(file)));
        int submittedBefore = BatchCalls.submittedCount();

        // when
        LambdaInvoker.Result first = LambdaInvoker.invoke(event);
        LambdaInvoker.Result second = LambdaInvoker.invoke(event);

        // then
        if (expected.has("error")) {
            assertRejected(first, expected.get("error"));
            assertRejected(second, expected.get("error"));
            assertThat(BatchCalls.submittedCount()).isEqualTo(submittedBefore);
        } else {
            assertSubmittedOnce(first, second, expected);
        }
        assertThat(BatchCalls.problems()).as("malformed Batch requests").isEmpty();
    }

    private static void assertSubmittedOnce(
            LambdaInvoker.Result first, LambdaInvoker.Result second, JsonNode expected) {
        assertThat(first.ok()).as("first delivery: %s", first.body()).isTrue();
        JsonSubset.assertContains(first.body(), expected.get("outcome"), "outcome");
        assertThat(second.ok()).as("second delivery: %s", second.body()).isTrue();
        JsonSubset.assertContains(second.body(), expected.get("redelivery"), "redelivery");
        assertThat(second.body().get("jobId")).isEqualTo(first.body().get("jobId"));

        String jobName = expected.at("/submitJob/jobName").asText();
        List<JsonNode> submitted = BatchCalls.submitted(jobName);
        assertThat(submitted).as("SubmitJob calls for %s", jobName).hasSize(1);
        JsonSubset.assertContains(submitted.get(0), expected.get("submitJob"), "submitJob");
    }

    private static void assertRejected(LambdaInvoker.Result result, JsonNode expected) {
        assertThat(result.ok()).as("delivery: %s", result.body()).isFalse();
        assertThat(result.body().path("errorType").asText())
                .isEqualTo(expected.get("errorType").asText());
        assertThat(result.body().path("errorMessage").asText())
                .contains(expected.get("messageContains").asText());
    }
}
