package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.ingest.lambda.IngestLambdaHandler;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.JsonSubset;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalFunction;
import io.solstice.local.LocalLambdaRuntime;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    private static final String EVENTS_TABLE = "shapes-events";

    private static final String CATALOG_TABLE = "shapes-catalog";

    private static LocalDynamoDb dynamo;

    private static DynamoDbClient client;

    private static LocalLambdaRuntime runtime;

    private static LocalFunction function;

    @BeforeAll
    static void startFunction() {
        dynamo = LocalDynamoDb.start();
        client =
                StoreClients.dynamoDb(
                        dynamo.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY);
        Tables.createIfMissing(client, EVENTS_TABLE, CATALOG_TABLE);
        runtime = LocalLambdaRuntime.start();
        Path zip = Path.of(System.getProperty("solstice.ingest.zip", "target/function.zip"));
        function =
                LocalFunction.startJava(
                        "solstice-ingest-shapes",
                        zip,
                        IngestLambdaHandler.class.getName() + "::handleRequest",
                        runtime,
                        IngestFunctionEnvironment.of(dynamo, EVENTS_TABLE, CATALOG_TABLE),
                        List.of("-Xmx384m"),
                        Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopFunction() {
        function.close();
        runtime.close();
        client.close();
        dynamo.close();
    }

    static List<Path> eventFiles() {
        return LambdaEvents.files("ingest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eachPayloadIsAnsweredInItsOwnShapeAndStoresWhatItShould(Path file) throws Exception {
        // given
        JsonNode expected = LambdaEvents.tree(LambdaEvents.expectation(file));

        // when
        String answer = runtime.invoke(LambdaEvents.read(file), Duration.ofSeconds(60));

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
        assertStored(expected, "storedEvents", EVENTS_TABLE, "eventId", true);
        assertStored(expected, "absentEvents", EVENTS_TABLE, "eventId", false);
        assertStored(expected, "storedItems", CATALOG_TABLE, "itemId", true);
        assertStored(expected, "absentItems", CATALOG_TABLE, "itemId", false);
    }

    /** A REST API event is answered with the REST API response's multi-value headers too. */
    private static void assertRestShape(Path file, JsonNode answer) {
        assertThat(answer.path("body").isTextual()).as("body as text").isTrue();
        if (LambdaEvents.tree(file).has("httpMethod")) {
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
                    client.getItem(
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
