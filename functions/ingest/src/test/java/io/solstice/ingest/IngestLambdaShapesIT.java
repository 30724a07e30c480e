package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.ingest.lambda.IngestLambdaHandler;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.JsonSubset;
import io.solstice.local.TestEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every file in {@code test-events/ingest/} (HTTP API 2.0 and REST API events, direct invokes,
 * payloads of other shapes) through the packaged function with the handler {@code
 * infra/template.yaml} deploys, {@link IngestLambdaHandler}, under AWS's Runtime Interface Client.
 * The expectation holds {@code statusCode} and {@code body} for an API Gateway answer, or {@code
 * response} (a subset of the whole answer) for a direct invoke or a refused payload, and the ids
 * that must or must not be in the tables afterwards.
 */
class IngestLambdaShapesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PackagedIngestFunction INGEST = new PackagedIngestFunction("shapes", "-Xmx384m");

    static List<Path> eventFiles() {
        return TestEvents.files("ingest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eachPayloadIsAnsweredInItsOwnShapeAndStoresWhatItShould(Path file) throws Exception {
        // given
        JsonNode expected = TestEvents.tree(TestEvents.expectation(file));

        // when
        String answer = INGEST.runtime().invoke(TestEvents.read(file), Duration.ofSeconds(60));

        // then
        if (expected.has("statusCode")) {
            HttpApiResponse response = HttpApiResponse.parse(answer);
            assertThat(response.statusCode())
                    .as("status, body %s", response.body())
                    .isEqualTo(expected.path("statusCode").asInt());
            assertThat(response.header("content-type")).hasValue("application/json");
            JsonSubset.assertContains(response.bodyJson(), expected.path("body"), "body");
            assertRestShape(file, JSON.readTree(answer));
        } else {
            JsonSubset.assertContains(JSON.readTree(answer), expected.path("response"), "answer");
        }
        assertStored(expected, "storedEvents", INGEST.eventsTable(), "eventId", true);
        assertStored(expected, "absentEvents", INGEST.eventsTable(), "eventId", false);
        assertStored(expected, "storedItems", INGEST.catalogTable(), "itemId", true);
        assertStored(expected, "absentItems", INGEST.catalogTable(), "itemId", false);
    }

    /** A REST API event is answered with the REST API response's multi-value headers too. */
    private static void assertRestShape(Path file, JsonNode answer) {
        assertThat(answer.path("body").isTextual()).as("body as text").isTrue();
        if (TestEvents.tree(file).has("httpMethod")) {
            List<String> contentTypes =
                    answer.path("multiValueHeaders").properties().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                            .map(h -> h.getValue().path(0).asText())
                            .toList();
            assertThat(contentTypes)
                    .as("multiValueHeaders of %s", answer)
                    .containsExactly("application/json");
        }
    }

    private static void assertStored(
            JsonNode expected, String list, String table, String key, boolean present) {
        for (JsonNode id : expected.path(list)) {
            Map<String, AttributeValue> item =
                    INGEST.dynamoDb()
                            .getItem(
                                    b ->
                                            b.tableName(table)
                                                    .key(
                                                            Map.of(
                                                                    key,
                                                                    AttributeValue.fromS(
                                                                            id.asText()))))
                            .item();
            assertThat(item.isEmpty()).as("%s %s in %s", key, id, table).isEqualTo(!present);
        }
    }
}
