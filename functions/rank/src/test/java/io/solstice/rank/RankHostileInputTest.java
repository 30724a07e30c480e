package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.MockEventServer;
import io.solstice.rank.HostileRankRequests.Answer;
import io.solstice.rank.HostileRankRequests.Case;
import io.solstice.rank.HostileRankRequests.Expect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sends the payloads of {@link HostileRankRequests} (hand-written ones and {@value #GENERATED} more
 * from a fixed seed) through the real Lambda handler and checks each answer: never a Lambda
 * function error or a 5xx; every 4xx and every refusal an {@code error} sentence, with one entry
 * per field problem saying the field, what was expected and what arrived; odd but valid requests a
 * 200 with a ranking; and every answer within Lambda's response limit, error answers short. Every
 * failure is collected before the test fails, so that one run shows them all.
 */
@QuarkusTest
@QuarkusTestResource(RankStandIns.class)
class RankHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long SEED = 20111115L;

    private static final int GENERATED = 480;

    /** Lambda's limit on the response of a synchronous invoke, in bytes. */
    private static final int LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;

    /** An error answer names the problem in a few lines: it never echoes a large request. */
    private static final int ERROR_ANSWER_LIMIT = 64 * 1024;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void hostilePayloadsGetTheProblemNamedAndNeverAServerError() {
        // given
        HostileRankRequests hostile = new HostileRankRequests(new Random(SEED));
        List<Case> cases = hostile.generate(GENERATED);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(400);
        assertThat(hostile.categories())
                .containsOnlyKeys(HostileRankRequests.CATEGORIES.toArray(String[]::new));

        // when
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Case hostileCase : cases) {
            MockEventServer.Answer answer = LambdaEvents.invokeBytes(hostileCase.payload());

            // then
            String outcome;
            try {
                outcome = outcome(hostileCase, answer);
            } catch (AssertionError failure) {
                failures.add(failure.getMessage());
                outcome = "FAILED";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.printf(
                "rank hostile input: %d payloads, outcomes %s, categories %s%n",
                cases.size(), outcomes, hostile.categories());
        assertThat(failures).as("%d of %d payloads", failures.size(), cases.size()).isEmpty();
    }

    @Test
    void thousandsOfUnknownFieldsGetAShortAnswerListingTheFirstTwenty() {
        // given: 60,000 unknown fields once got an answer of some 40 MB, over Lambda's 6 MB limit
        StringBuilder body = new StringBuilder("{\"userId\":\"17850\"");
        for (int i = 0; i < 60_000; i++) {
            body.append(",\"f").append(i).append("\":0");
        }

        // when
        HttpApiResponse response = LambdaEvents.postRank(body.append('}').toString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(ERROR_ANSWER_LIMIT);
        JsonNode answer = response.bodyJson();
        assertThat(answer.path("errors")).hasSize(20);
        assertThat(answer.path("error").asText()).endsWith("f18, f19 and 59980 more");
    }

    @Test
    void aDateTimeBeyondTheYear9999IsNamedInsteadOfFailingTheFunction() {
        // when: converting it to the time zone's day once threw out of the handler
        HttpApiResponse response =
                LambdaEvents.postRank(
                        "{\"dateTime\":\"+999999999-12-31T23:59:59-18:00\",\"timeZone\":\"+18:00\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().at("/errors/0/field").asText()).isEqualTo("dateTime");
        assertThat(response.bodyJson().at("/errors/0/expected").asText())
                .contains("in the years 0000-9999");
    }

    @Test
    void textAfterTheBodysJsonObjectIsMalformedJsonNotIgnored() {
        // when: two objects, of which only the first was once read
        HttpApiResponse response =
                LambdaEvents.postRank("{\"userId\":\"17850\"} {\"userId\":\"12347\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(response.bodyJson().at("/errors/0/got").asText())
                .startsWith("malformed JSON (Trailing token");
    }

    @Test
    void aBodyWrittenAsAJsonObjectInsteadOfAStringIsA400NotAGuestRanking() {
        // given: a hand-written event; API Gateway always sends the body as a string
        ObjectNode event = HttpApiEvent.post("/rank").toJsonNode();
        event.putObject("body").put("userId", "17850");

        // when
        HttpApiResponse response = LambdaEvents.invoke(event.toString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(response.bodyJson().at("/errors/0/got").asText()).isEqualTo("an object");
    }

    /** Checks one answer and says what it was, e.g. {@code 400 with field errors}. */
    private static String outcome(Case hostileCase, MockEventServer.Answer answer) {
        String context = HostileRankRequests.describe(hostileCase) + "\n -> " + shorten(answer);
        assertThat(answer.statusCode())
                .as("a Lambda function error for %s", context)
                .isEqualTo(200);
        int size = answer.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(size)
                .as("answer size for %s", context)
                .isLessThanOrEqualTo(LAMBDA_RESPONSE_LIMIT);

        JsonNode body;
        int status;
        if (hostileCase.answer() == Answer.GATEWAY) {
            HttpApiResponse response = HttpApiResponse.parse(answer.body());
            status = response.statusCode();
            assertThat(status).as(context).isBetween(200, 499);
            if (hostileCase.status() != 0) {
                assertThat(status).as(context).isEqualTo(hostileCase.status());
            }
            assertThat(response.header("content-type")).as(context).hasValue("application/json");
            if (status == 405) {
                assertThat(response.header("allow")).as(context).hasValue("POST");
            }
            body = response.bodyJson();
        } else {
            body = readTree(answer.body(), context);
            assertThat(body.has("statusCode")).as("a plain answer for %s", context).isFalse();
            status = 0;
        }

        if (body.path("items").isArray()) {
            assertThat(hostileCase.expect())
                    .as("a ranking for %s", context)
                    .isNotEqualTo(Expect.PROBLEM);
            assertThat(body.path("modelVersion").asText())
                    .as(context)
                    .isEqualTo(ModelFixture.VERSION);
            return status == 0 ? "direct invoke ranked" : status + " ranking";
        }
        assertThat(hostileCase.expect())
                .as("no ranking for %s", context)
                .isNotEqualTo(Expect.RANKING);
        assertThat(size)
                .as("error answer size for %s", context)
                .isLessThanOrEqualTo(ERROR_ANSWER_LIMIT);
        assertNamesTheProblem(hostileCase, status, body, context);
        return label(status, body);
    }

    /**
     * An error sentence; for a 400 and wherever errors are listed, each names its field, what was
     * expected and what arrived.
     */
    private static void assertNamesTheProblem(
            Case hostileCase, int status, JsonNode body, String context) {
        assertThat(body.path("error").asText()).as("error sentence of %s", context).isNotBlank();
        JsonNode errors = body.path("errors");
        if (status == 400 || hostileCase.field() != null || !errors.isMissingNode()) {
            assertThat(errors.isArray() && !errors.isEmpty()).as("errors of %s", context).isTrue();
        }
        for (JsonNode error : errors) {
            assertThat(error.path("field").asText()).as("field in %s", context).isNotBlank();
            assertThat(error.path("expected").asText()).as("expected in %s", context).isNotBlank();
            assertThat(error.path("got").asText()).as("got in %s", context).isNotBlank();
            assertThat(error.path("message").asText())
                    .as(context)
                    .contains(error.path("expected").asText(), error.path("got").asText());
        }
        if (hostileCase.field() != null) {
            assertThat(errors.findValuesAsText("field"))
                    .as("the field named in %s", context)
                    .anySatisfy(field -> assertThat(field).startsWith(hostileCase.field()));
        }
    }

    private static String label(int status, JsonNode body) {
        boolean fields = body.path("errors").isArray();
        if (status != 0) {
            return status + (fields ? " with field errors" : "");
        }
        if (body.path("errors").path(0).path("field").asText().equals("event")) {
            return "payload refused";
        }
        return "direct invoke " + (fields ? "with field errors" : "error");
    }

    private static JsonNode readTree(String text, String context) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("an answer that is not JSON for " + context, e);
        }
    }

    private static String shorten(MockEventServer.Answer answer) {
        String text = answer.body();
        return answer.statusCode()
                + " "
                + (text.length() <= 600
                        ? text
                        : text.substring(0, 600) + "... (" + text.length() + " characters)");
    }
}
