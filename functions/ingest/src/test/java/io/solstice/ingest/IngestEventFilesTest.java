package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.JsonSubset;
import io.solstice.local.TestEvents;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Drives every API Gateway HTTP API event in {@code test-events/ingest/} through Quarkus' Lambda
 * handler (the REST API events and direct invokes there need the packaged {@code
 * IngestLambdaHandler}: {@link IngestLambdaShapesIT} drives every file through it) and checks the
 * status, the body and the tables against the file's {@code .expected.json}: {@code statusCode},
 * {@code body} (a subset of the response body), and the ids that must ({@code storedEvents}, {@code
 * storedItems}) or must not ({@code absentEvents}, {@code absentItems}) be in the tables
 * afterwards.
 */
@QuarkusTest
@QuarkusTestResource(LocalDynamoDbResource.class)
class IngestEventFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject DynamoDbClient dynamo;

    static List<Path> eventFiles() {
        return LambdaEvents.httpApiFiles("ingest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void eachEventFileGetsItsExpectedResponseAndTableContent(Path file) throws Exception {
        // given
        JsonNode expected = JSON.readTree(TestEvents.read(TestEvents.expectation(file)));

        // when
        HttpApiResponse response = LambdaEvents.invoke(TestEvents.read(file));

        // then
        assertThat(response.statusCode())
                .as("status, body %s", response.body())
                .isEqualTo(expected.path("statusCode").asInt());
        assertThat(response.header("content-type")).hasValue("application/json");
        JsonSubset.assertContains(response.bodyJson(), expected.path("body"), "body");
        assertStored(expected, "storedEvents", LocalDynamoDbResource.EVENTS_TABLE, "eventId", true);
        assertStored(
                expected, "absentEvents", LocalDynamoDbResource.EVENTS_TABLE, "eventId", false);
        assertStored(expected, "storedItems", LocalDynamoDbResource.CATALOG_TABLE, "itemId", true);
        assertStored(expected, "absentItems", LocalDynamoDbResource.CATALOG_TABLE, "itemId", false);
    }

    private void assertStored(
            JsonNode expected, String list, String table, String key, boolean present) {
        for (JsonNode id : expected.path(list)) {
            Map<String, AttributeValue> item =
                    dynamo.getItem(
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
