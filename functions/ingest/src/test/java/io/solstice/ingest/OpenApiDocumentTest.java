package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.solstice.event.CatalogItemValidator;
import io.solstice.event.ForgetRequestValidator;
import io.solstice.event.InteractionType;
import io.solstice.event.InteractionValidator;
import io.solstice.event.Validated;
import io.solstice.local.TestEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code functions/ingest/openapi.yaml} and the function in step: every request example in
 * the document validates against its schema and is accepted by the function's validators, every
 * event type has an example, every request in {@code test-events/ingest/} that the function accepts
 * in full validates against the schema, and records the function refuses are refused by the schema
 * too.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final Map<String, String> SCHEMA_OF_PATH =
            Map.of(
                    "/events", "EventBatch",
                    "/catalog", "CatalogBatch",
                    "/users/forget", "ForgetRequest");

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws Exception {
        document =
                new YAMLMapper()
                        .readTree(
                                TestEvents.repoRoot()
                                        .resolve("functions/ingest/openapi.yaml")
                                        .toFile());
    }

    static Stream<Arguments> requestExamples() throws Exception {
        readDocument();
        List<Arguments> examples = new ArrayList<>();
        for (String path : SCHEMA_OF_PATH.keySet()) {
            JsonNode content =
                    document.at(
                            "/paths/"
                                    + path.replace("/", "~1")
                                    + "/post/requestBody/content/application~1json");
            content.path("examples")
                    .properties()
                    .forEach(
                            e ->
                                    examples.add(
                                            Arguments.of(
                                                    path + " " + e.getKey(),
                                                    path,
                                                    e.getValue().path("value"))));
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestExamples")
    void eachRequestExampleFitsItsSchemaAndTheFunctionAcceptsIt(
            String name, String path, JsonNode example) {
        // when
        Set<ValidationMessage> problems = schema(SCHEMA_OF_PATH.get(path)).validate(example);

        // then
        assertThat(problems).as("schema problems of %s", name).isEmpty();
        assertThat(acceptedByTheFunction(path, example)).as("accepted by the validators").isTrue();
    }

    @Test
    void everyEventTypeHasAnExample() {
        // given
        Set<String> types = new HashSet<>();
        document.at("/paths/~1events/post/requestBody/content/application~1json/examples")
                .forEach(
                        example ->
                                example.at("/value/events")
                                        .forEach(e -> types.add(e.path("type").asText())));

        // then
        assertThat(types).containsAll(List.of(InteractionType.allWireNames().split(", ")));
    }

    static List<Path> acceptedRequestFiles() {
        return TestEvents.files("ingest").stream()
                .filter(
                        f ->
                                TestEvents.tree(TestEvents.expectation(f))
                                                .path("statusCode")
                                                .asInt()
                                        == 200)
                .filter(f -> SCHEMA_OF_PATH.containsKey(httpPath(TestEvents.tree(f))))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRequestFiles")
    void eachRequestTheFunctionAcceptsInFullFitsTheSchema(Path file) throws Exception {
        // given
        JsonNode event = TestEvents.tree(file);

        // when
        Set<ValidationMessage> problems =
                schema(SCHEMA_OF_PATH.get(httpPath(event))).validate(body(event));

        // then
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"eventId\":\"s1\",\"type\":\"search\",\"itemId\":\"i1\",\"timestamp\":1322215200}",
                "{\"eventId\":\"v1\",\"type\":\"view\",\"itemId\":\"i1\",\"quantity\":1,\"unitPrice\":1,\"timestamp\":1322215200,\"rating\":4}",
                "{\"eventId\":\"v2\",\"type\":\"view\",\"itemId\":\"i1\",\"unitPrice\":1,\"timestamp\":1322215200}",
                "{\"eventId\":\"v3\",\"type\":\"view\",\"userID\":\"u1\",\"itemId\":\"i1\",\"quantity\":1,\"unitPrice\":1,\"timestamp\":1322215200}",
                "{\"eventId\":\"r1\",\"type\":\"rating\",\"itemId\":\"i1\",\"rating\":6,\"timestamp\":1322215200}",
                "{\"eventId\":\"\",\"type\":\"view\",\"itemId\":\"i1\",\"quantity\":1,\"unitPrice\":1,\"timestamp\":1322215200}",
                "{\"eventId\":\"t1\",\"type\":\"teleport\",\"itemId\":\"i1\",\"quantity\":1,\"unitPrice\":1,\"timestamp\":1322215200}",
                "{\"eventId\":\"p1\",\"type\":\"purchase\",\"itemId\":\"i1\",\"quantity\":1.5,\"unitPrice\":1,\"timestamp\":1322215200}"
            })
    void anEventTheFunctionRefusesTheSchemaRefusesToo(String event) throws Exception {
        // given
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("events").add(JSON.readTree(event));

        // when
        Set<ValidationMessage> problems = schema("EventBatch").validate(batch);

        // then
        assertThat(acceptedByTheFunction("/events", batch))
                .as("accepted by the validators")
                .isFalse();
        assertThat(problems).as("schema problems").isNotEmpty();
    }

    private static boolean acceptedByTheFunction(String path, JsonNode body) {
        List<Validated<?>> checked = new ArrayList<>();
        switch (path) {
            case "/events" ->
                    body.path("events")
                            .forEach(
                                    e ->
                                            checked.add(
                                                    InteractionValidator.validate(
                                                            e,
                                                            "events[]",
                                                            InteractionValidator.DEFAULT_EARLIEST,
                                                            CLOCK)));
            case "/catalog" ->
                    body.path("items")
                            .forEach(i -> checked.add(CatalogItemValidator.validate(i, "items[]")));
            default -> checked.add(ForgetRequestValidator.validate(body));
        }
        return !checked.isEmpty() && checked.stream().allMatch(Validated::isValid);
    }

    private static JsonSchema schema(String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.putObject("components").set("schemas", document.at("/components/schemas"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    /** The HTTP path of an API Gateway event (2.0 or REST API), or the route of a direct invoke. */
    private static String httpPath(JsonNode event) {
        if (event.has("rawPath")) {
            return event.path("rawPath").asText();
        }
        return event.path("path").asText("");
    }

    private static JsonNode body(JsonNode event) throws Exception {
        String text = event.path("body").asText();
        if (event.path("isBase64Encoded").asBoolean(false)) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        return JSON.readTree(text);
    }
}
