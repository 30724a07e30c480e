package io.solstice.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.local.FakeFunction;
import io.solstice.local.LocalLambdaRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalLambdaRuntime runtime = LocalLambdaRuntime.start();

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void recordsGoInBatchesOf500AsHttpApiEventsAndTotalsAddUp() {
        // given a function that rejects events whose id starts with "bad"
        FakeFunction.start(runtime, this::answer);
        List<Interaction> events = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            events.add(event((i % 100 == 0 ? "bad-" : "e-") + i));
        }
        List<CatalogItem> catalog =
                List.of(new CatalogItem("85123A", "Heart", null, null, Double.NaN, true));

        // when
        ReplayTotals totals = replay().replay(events, catalog);

        // then
        assertThat(received).hasSize(4);
        assertThat(received)
                .extracting(e -> e.path("rawPath").asText())
                .containsExactly("/catalog", "/events", "/events", "/events");
        assertThat(received.get(1).path("requestContext").path("http").path("method").asText())
                .isEqualTo("POST");
        assertThat(body(received.get(1)).path("events")).hasSize(500);
        assertThat(body(received.get(3)).path("events")).hasSize(234);
        assertThat(body(received.get(0)).path("items").get(0).has("price")).isFalse();

        assertThat(totals.eventsSent()).isEqualTo(1_234);
        assertThat(totals.eventsRejected()).isEqualTo(13);
        assertThat(totals.eventsAccepted()).isEqualTo(1_221);
        assertThat(totals.itemsAccepted()).isEqualTo(1);
        assertThat(totals.rejectionReasons()).containsEntry("eventId: expected no bad ids", 13L);
        assertThat(progressText())
                .contains("[replay] events=1000")
                .contains("[replay] done events=1234");
    }

    @Test
    void aFailedInvocationIsRetried() {
        // given a function that fails its first invocation
        AtomicInteger calls = new AtomicInteger();
        FakeFunction.start(runtime, event -> calls.incrementAndGet() == 1 ? null : answer(event));

        // when
        ReplayTotals totals = replay().replay(List.of(event("e-1")), List.of());

        // then
        assertThat(totals.eventsAccepted()).isEqualTo(1);
        assertThat(totals.invocations()).isEqualTo(2);
    }

    @Test
    void aBatchThatKeepsFailingStopsTheReplay() {
        // given
        FakeFunction.start(runtime, event -> "{\"statusCode\":503,\"body\":\"{}\"}");

        // when / then
        assertThatThrownBy(() -> replay().replay(List.of(event("e-1")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /events failed 3 times")
                .hasMessageContaining("status 503");
    }

    private IngestReplay replay() {
        PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
        return new IngestReplay(runtime, Duration.ofSeconds(10), 1, out, 1_000);
    }

    /** Accepts every record except events whose id starts with "bad". */
    private String answer(String eventJson) {
        JsonNode event = read(eventJson);
        received.add(event);
        JsonNode records =
                body(event).has("events") ? body(event).path("events") : body(event).path("items");

        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("results");
        int rejected = 0;
        for (JsonNode record : records) {
            ObjectNode result = results.addObject();
            if (record.path("eventId").asText().startsWith("bad")) {
                rejected++;
                result.putArray("errors")
                        .addObject()
                        .put("field", "events[7].eventId")
                        .put("expected", "no bad ids");
            }
        }
        response.put("accepted", records.size() - rejected)
                .put("duplicate", 0)
                .put("rejected", rejected);
        return "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":"
                + JSON.valueToTree(response.toString())
                + "}";
    }

    private String progressText() {
        return progress.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode body(JsonNode event) {
        return read(event.path("body").asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static Interaction event(String id) {
        return new Interaction(
                id,
                InteractionType.PURCHASE,
                "17850",
                "85123A",
                6,
                2.55,
                OffsetDateTime.parse("2010-12-01T08:26:00Z"),
                "United Kingdom",
                "536365");
    }
}
