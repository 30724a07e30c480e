package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.solstice.local.HttpApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before the train job has published anything there is nothing to rank with, not even item signals:
 * the function says so with a 503. Seasonal popularity needs the item signals the train job
 * computes and publishes with a model, so there is no popularity to fall back on either (catalogue
 * order is not popularity). Once a model was served, a broken newer one leaves it serving instead
 * ({@code ModelLifeTest}). Runs with its own profile (one more Quarkus start) pointing the function
 * at a bucket without a model.
 */
@QuarkusTest
@TestProfile(RankWithoutModelTest.EmptyBucket.class)
class RankWithoutModelTest {

    @Test
    void withoutAPublishedModelTheAnswerIs503SayingToRunTheTrainJob() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank("{\"userId\":\"17850\",\"date\":\"2011-11-15\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("content-type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"no model has been published yet; run the train job\"}");
    }

    @Test
    void badFieldsAreStillA400WithoutAModel() {
        // when
        HttpApiResponse response = LambdaEvents.postRank("{\"count\":101}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().path("errors").get(0).path("field").asText())
                .isEqualTo("count");
    }

    @Test
    void aDirectInvokeWithoutAModelFailsAsAFunctionErrorSoThatLambdaReportsIt() throws Exception {
        // when
        String answer = LambdaEvents.invokeRaw("{\"userId\":\"17850\",\"date\":\"2011-11-15\"}");

        // then the Lambda error of FunctionFailedException, with the function's sentence
        JsonNode error = new ObjectMapper().readTree(answer);
        assertThat(error.path("errorType").asText())
                .isEqualTo("io.solstice.http.lambda.FunctionFailedException");
        assertThat(error.path("errorMessage").asText())
                .isEqualTo("no model has been published yet; run the train job");
    }

    /** The same stand-ins, the function pointed at the bucket without a model. */
    public static class EmptyBucket implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("solstice.model-bucket", RankStandIns.EMPTY_BUCKET);
        }
    }
}
