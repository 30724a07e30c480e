package io.solstice.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.LocalLambdaRuntime;
import java.time.Duration;
import java.time.LocalDate;

/** Asks the running rank function for a list, with a real-shaped API Gateway HTTP API event. */
final class RankClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalLambdaRuntime runtime;

    RankClient(LocalLambdaRuntime runtime) {
        this.runtime = runtime;
    }

    /** The response body of {@code POST /rank}; fails with the status and body when not 200. */
    JsonNode rank(String userId, String country, LocalDate date, int count) {
        ObjectNode body = JSON.createObjectNode();
        body.put("userId", userId);
        body.put("country", country);
        body.put("date", date.toString());
        body.put("count", count);
        String event = HttpApiEvent.post("/rank").jsonBody(body.toString()).toJson();

        HttpApiResponse response =
                HttpApiResponse.parse(runtime.invoke(event, Duration.ofSeconds(60)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "rank answered " + response.statusCode() + ": " + response.body());
        }
        return response.bodyJson();
    }
}
