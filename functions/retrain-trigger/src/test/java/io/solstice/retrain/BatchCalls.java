package io.solstice.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the Batch stand-in saw, read over loopback, and the knobs the tests turn on it. */
final class BatchCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchCalls() {}

    /** The SubmitJob bodies the stand-in accepted for one job name. */
    static List<JsonNode> submitted(String jobName) {
        List<JsonNode> bodies = new ArrayList<>();
        for (JsonNode body : state().path("submitted")) {
            if (jobName.equals(body.path("jobName").asText())) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    /** How many SubmitJob calls the stand-in accepted in all. */
    static int submittedCount() {
        return state().path("submitted").size();
    }

    /** How many ListJobs calls the stand-in answered. */
    static int listJobsCalls() {
        return state().path("listJobsCalls").asInt();
    }

    /** Requests the stand-in refused as malformed; expected empty. */
    static List<String> problems() {
        List<String> problems = new ArrayList<>();
        state().path("problems").forEach(p -> problems.add(p.asText()));
        return problems;
    }

    /** Makes the stand-in refuse the next {@code count} SubmitJob calls. */
    static void refuseNextSubmits(int count) {
        post("/_standin/fail-submits", "{\"count\":" + count + "}");
    }

    /** Adds a job to the stand-in as if an earlier delivery had submitted it. */
    static void addExistingJob(String jobName) {
        post("/_standin/jobs", "{\"jobName\":\"" + jobName + "\"}");
    }

    private static JsonNode state() {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(uri("/_standin/state")).GET()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void post(String path, String body) {
        send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        String endpoint =
                ConfigProvider.getConfig().getValue("solstice.batch-endpoint", String.class);
        return URI.create(endpoint + path);
    }
}
