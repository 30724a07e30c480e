package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.JsonSubset;
import io.solstice.local.TestEvents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every payload in {@code test-events/rank/} (HTTP API 2.0 and REST API 1.0 events, direct
 * invokes, an event of another service) through the real Lambda handler and checks the answer
 * against the file's {@code .expected.json}, and checks every answer body against {@code
 * functions/rank/openapi.yaml}. An API Gateway answer is checked by {@code statusCode}, {@code
 * headers} and {@code body} (subsets of the response's); a direct invoke's or a refused payload's
 * by {@code response} (a subset of the whole answer). For rankings, {@code items} gives their
 * {@code count}, entries that must match some item ({@code include}) and entries no item may match
 * ({@code exclude}), each a subset of an item.
 */
@QuarkusTest
class RankEventFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> eventFiles() {
        return LambdaEvents.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eachEventFileGetsItsExpectedResponse(Path file) throws Exception {
        // given
        JsonNode expected = JSON.readTree(TestEvents.read(TestEvents.expectation(file)));

        // when
        String answer = LambdaEvents.invokeRaw(TestEvents.read(file));

        // then
        if (expected.has("response")) {
            JsonNode response = JSON.readTree(answer);
            JsonSubset.assertContains(response, expected.path("response"), "response");
            assertFitsTheDocument(response);
            assertItems(response.path("items"), expected.path("items"));
            return;
        }
        HttpApiResponse response = HttpApiResponse.parse(answer);
        assertThat(response.statusCode())
                .as("status, body %s", response.body())
                .isEqualTo(expected.path("statusCode").asInt());
        assertThat(response.header("content-type")).hasValue("application/json");
        expected.path("headers")
                .fields()
                .forEachRemaining(
                        h ->
                                assertThat(response.header(h.getKey()))
                                        .hasValue(h.getValue().asText()));
        JsonNode body = response.bodyJson();
        JsonSubset.assertContains(body, expected.path("body"), "body");
        assertFitsTheDocument(body);
        assertItems(body.path("items"), expected.path("items"));
    }

    /** An answer body fits openapi.yaml's ErrorBody or RankResponse (a refused event excepted). */
    private static void assertFitsTheDocument(JsonNode body) {
        if (body.path("errors").path(0).path("field").asText().equals("event")) {
            return; // the adapter's refusal of a payload that is no rank request at all
        }
        String schema = RankApiDocument.answerSchema(body);
        assertThat(RankApiDocument.problems(schema, body)).as("%s problems", schema).isEmpty();
    }

    private static void assertItems(JsonNode items, JsonNode expected) {
        if (expected.isMissingNode()) {
            return;
        }
        assertThat(items.size())
                .as("item count of %s", items)
                .isEqualTo(expected.path("count").asInt());
        for (JsonNode wanted : expected.path("include")) {
            assertThat(items)
                    .as("an item matching %s", wanted)
                    .anyMatch(i -> JsonSubset.matches(i, wanted));
        }
        for (JsonNode unwanted : expected.path("exclude")) {
            assertThat(items)
                    .as("no item matching %s", unwanted)
                    .noneMatch(i -> JsonSubset.matches(i, unwanted));
        }
    }
}
