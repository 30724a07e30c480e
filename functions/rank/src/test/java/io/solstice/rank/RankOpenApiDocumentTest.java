package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.local.TestEvents;
import io.solstice.score.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code functions/rank/openapi.yaml} and the function in step: the request schema names
 * exactly the fields the reader knows, every example fits its schema and every request example is
 * accepted by the reader, every request in {@code test-events/rank/} that the function ranks fits
 * the schema, requests the reader refuses are refused by the schema too, and the reasons listed are
 * those the ranker gives. ({@code RankEventFilesTest} checks the function's answers against the
 * response schemas.)
 */
class RankOpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OPERATION = "/paths/~1rank/post";

    private static final RankRequestReader READER =
            new RankRequestReader(
                    Clock.fixed(Instant.parse("2011-11-15T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void theRequestSchemaNamesExactlyTheFieldsTheReaderKnows() {
        // given
        List<String> documented = new ArrayList<>();
        RankApiDocument.document()
                .at("/components/schemas/RankRequest/properties")
                .fieldNames()
                .forEachRemaining(documented::add);

        // then
        assertThat(documented).containsExactlyInAnyOrderElementsOf(RankRequestReader.FIELDS);
    }

    @Test
    void theReasonsListedAreThoseTheRankerGives() {
        // given
        List<String> given = new ArrayList<>();
        Arrays.stream(ReasonCode.values()).forEach(code -> given.add(code.name()));
        given.add(RankedItemBody.PINNED);
        given.add(RankedItemBody.NOT_IN_MODEL);

        // when
        List<String> documented = new ArrayList<>();
        RankApiDocument.document()
                .at("/components/schemas/RankedItem/properties/reason/enum")
                .forEach(code -> documented.add(code.asText()));

        // then
        assertThat(documented).containsExactlyInAnyOrderElementsOf(given);
    }

    static Stream<Arguments> requestExamples() {
        JsonNode examples =
                RankApiDocument.document()
                        .at(OPERATION + "/requestBody/content/application~1json/examples");
        List<Arguments> arguments = new ArrayList<>();
        examples.properties()
                .forEach(e -> arguments.add(Arguments.of(e.getKey(), e.getValue().path("value"))));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestExamples")
    void eachRequestExampleFitsTheSchemaAndTheReaderAcceptsIt(String name, JsonNode example) {
        // then
        assertThat(RankApiDocument.problems("RankRequest", example)).isEmpty();
        assertThat(READER.read(example).errors()).as("reader errors").isEmpty();
    }

    static Stream<Arguments> responseExamples() {
        JsonNode responses = RankApiDocument.document().at(OPERATION + "/responses");
        List<Arguments> arguments = new ArrayList<>();
        responses
                .properties()
                .forEach(
                        status ->
                                status.getValue()
                                        .at("/content/application~1json/examples")
                                        .properties()
                                        .forEach(
                                                e ->
                                                        arguments.add(
                                                                Arguments.of(
                                                                        status.getKey()
                                                                                + " "
                                                                                + e.getKey(),
                                                                        e.getValue()
                                                                                .path("value")))));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseExamples")
    void eachResponseExampleFitsItsSchema(String name, JsonNode example) {
        // then
        assertThat(RankApiDocument.problems(RankApiDocument.answerSchema(example), example))
                .isEmpty();
    }

    static List<Path> rankedRequestFiles() {
        return LambdaEvents.files().stream()
                .filter(f -> ranked(TestEvents.tree(TestEvents.expectation(f))))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankedRequestFiles")
    void eachRequestTheFunctionRanksFitsTheSchema(Path file) throws Exception {
        // given
        JsonNode body = requestBody(TestEvents.tree(file));

        // then
        assertThat(RankApiDocument.problems("RankRequest", body)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"count\":0}",
                "{\"count\":\"ten\"}",
                "{\"colour\":\"red\"}",
                "{\"userId\":\"   \"}",
                "{\"date\":\"15/11/2011\"}",
                "{\"placement\":\"trending\"}",
                "{\"minPrice\":-1}",
                "{\"maxPerCategory\":101}",
                "{\"boost\":{\"85123A\":0}}",
                "{\"pin\":{\"85123A\":0}}",
                "{\"bury\":{\"brands\":[\"x\"]}}",
                "{\"excludePurchased\":\"yes\"}",
                "{\"placement\":\"rerank\",\"candidates\":[]}",
                "[1,2]"
            })
    void aRequestTheReaderRefusesTheSchemaRefusesToo(String request) throws Exception {
        // given
        JsonNode body = JSON.readTree(request);

        // then
        assertThat(READER.read(body).errors()).as("reader errors").isNotEmpty();
        assertThat(RankApiDocument.problems("RankRequest", body))
                .as("schema problems")
                .isNotEmpty();
    }

    /** Whether the expected answer is a ranking (an API Gateway 200 or a direct invoke's body). */
    private static boolean ranked(JsonNode expected) {
        if (expected.has("statusCode")) {
            return expected.path("statusCode").asInt() == 200;
        }
        JsonNode response = expected.path("response");
        return !response.has("error") && !response.has("errors");
    }

    /** The rank request an event carries: an API Gateway event's body, or a direct invoke. */
    private static JsonNode requestBody(JsonNode event) throws Exception {
        if (!event.has("requestContext")) {
            return event;
        }
        String body = event.path("body").asText("");
        if (event.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }
}
