package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.local.HttpApiResponse;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sends {@value #REQUESTS} generated malformed requests (see {@link HostileRequests}) through the
 * real Lambda handler: none gets a 5xx, every answer names the problem by a field path or {@code
 * body} with what was expected and what arrived, and the table ends up holding exactly the valid
 * events that were mixed in. The run is checked to include every kind of malformation in {@link
 * #CATEGORIES}.
 */
@QuarkusTest
class IngestHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long SEED = 20111209L;

    private static final int REQUESTS = 520;

    /** Every kind of malformation the run must include (the brief of the hostile-input test). */
    private static final List<String> CATEGORIES =
            List.of(
                    "bad JSON",
                    "truncated JSON",
                    "random bytes",
                    "not a batch of events",
                    "empty batch",
                    "over-size batch",
                    "repeated ids",
                    "wrong type or value",
                    "huge string",
                    "huge number",
                    "control or invisible characters in ids",
                    "odd valid Unicode in ids",
                    "missing field",
                    "unknown field",
                    "unknown type",
                    "not an event object");

    @Inject DynamoDbClient dynamo;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void malformedRequestsGetTheProblemNamedAndOnlyTheValidEventsAreStored() {
        // given
        HostileRequests hostile = new HostileRequests(new Random(SEED));
        List<String> requests = hostile.generate(REQUESTS);
        assertThat(hostile.categories()).containsKeys(CATEGORIES.toArray(String[]::new));

        // when
        for (String request : requests) {
            HttpApiResponse response = LambdaEvents.invoke(request);

            // then
            assertNamesTheProblem(request, response, hostile.validIds());
        }
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(hostile.validIds());
    }

    private static void assertNamesTheProblem(
            String request, HttpApiResponse response, Set<String> validIds) {
        String context =
                shorten(requestBody(request))
                        + " -> "
                        + response.statusCode()
                        + " "
                        + response.body();
        assertThat(response.statusCode()).as(context).isIn(207, 400);
        assertThat(response.header("content-type")).as(context).hasValue("application/json");

        JsonNode body = response.bodyJson();
        if (!body.has("results")) {
            assertThat(body.path("errors").findValuesAsText("field"))
                    .as(context)
                    .isNotEmpty()
                    .allSatisfy(field -> assertThat(field).isIn("body", "events"));
            assertExpectedAndGot(body.path("errors"), context);
            return;
        }

        int problems = 0;
        for (JsonNode result : body.path("results")) {
            String status = result.path("status").asText();
            if (status.equals("rejected") || status.equals("conflict")) {
                problems++;
                String path = "events[" + result.path("index").asInt() + "]";
                assertThat(result.path("errors").findValuesAsText("field"))
                        .as(context)
                        .isNotEmpty()
                        .allSatisfy(field -> assertThat(field).startsWith(path));
                assertExpectedAndGot(result.path("errors"), context);
            } else if (status.equals("accepted")) {
                assertThat(validIds).as(context).contains(result.path("eventId").asText());
            }
        }
        assertThat(problems).as(context).isPositive();
    }

    /** Each error says what was expected and what arrived, and its message holds both. */
    private static void assertExpectedAndGot(JsonNode errors, String context) {
        for (JsonNode error : errors) {
            assertThat(error.path("expected").asText()).as(context).isNotBlank();
            assertThat(error.path("got").asText()).as(context).isNotBlank();
            assertThat(error.path("message").asText())
                    .as(context)
                    .contains(error.path("expected").asText())
                    .contains(error.path("got").asText());
        }
    }

    private Set<String> storedIds() {
        Set<String> ids = new HashSet<>();
        for (Map<String, AttributeValue> item :
                dynamo.scanPaginator(b -> b.tableName(LocalDynamoDbResource.EVENTS_TABLE))
                        .items()) {
            String id = item.get("eventId").s();
            if (id.startsWith(HostileRequests.PREFIX)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String requestBody(String request) {
        try {
            return JSON.readTree(request).path("body").asText();
        } catch (Exception e) {
            return request;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
