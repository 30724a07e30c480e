package io.solstice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import io.solstice.store.dynamodb.EventStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Behaviour of POST /events through the API Gateway path, checked against the table. */
@QuarkusTest
class IngestRoundTripTest {

    @Inject EventStore events;

    @Inject DynamoDbClient dynamo;

    @Test
    void anAcceptedEventIsStoredWithEveryField() {
        // given
        String body =
                """
                {"events":[{"eventId":"rt-1","type":"add_to_cart","userId":"rt-user","itemId":"84029E",
                 "quantity":3,"unitPrice":3.39,"timestamp":"2011-11-25T10:15:30.250-05:00",
                 "country":"US","orderId":"581001"}]}
                """;

        // when
        HttpApiResponse response = post(body);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        List<Interaction> history = events.userHistory("rt-user", Instant.MAX, 10);
        assertThat(history)
                .containsExactly(
                        new Interaction(
                                "rt-1",
                                InteractionType.ADD_TO_CART,
                                "rt-user",
                                "84029E",
                                3,
                                3.39,
                                OffsetDateTime.parse("2011-11-25T10:15:30.250-05:00"),
                                "US",
                                "581001"));
    }

    @Test
    void anAcceptedEventCarriesItsExpiryTheEventTimePlusTheRetentionInEpochSeconds() {
        // given
        String body = batch("ttl-1", "2011-12-01T10:00:00+01:00");

        // when
        post(body);

        // then
        long expected =
                OffsetDateTime.parse("2011-12-01T10:00:00+01:00")
                        .toInstant()
                        .plus(Duration.ofDays(LocalDynamoDbResource.RETENTION_DAYS))
                        .getEpochSecond();
        assertThat(storedItem("ttl-1").get("expiresAt").n()).isEqualTo(Long.toString(expected));
    }

    @Test
    void forgettingAShopperDeletesEveryEventOfTheirsAndKeepsTheOthers() {
        // given
        String body =
                "{\"events\":["
                        + events(batch("fg-1", "2011-12-01T10:00:00Z").replace("u9", "forget-me"))
                        + ","
                        + events(batch("fg-2", "2011-12-02T10:00:00Z").replace("u9", "forget-me"))
                        + ","
                        + events(batch("fg-3", "2011-12-02T10:00:00Z").replace("u9", "keep-me"))
                        + "]}";
        assertThat(post(body).statusCode()).isEqualTo(200);

        // when
        HttpApiResponse response = forget("{\"userId\":\"forget-me\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyJson().path("deletedEvents").asLong()).isEqualTo(2);
        assertThat(events.userHistory("forget-me", Instant.MAX, 10)).isEmpty();
        assertThat(scanUserIds()).doesNotContain("forget-me").contains("keep-me");
        assertThat(storedItem("fg-1")).isEmpty();
        assertThat(storedItem("fg-3")).isNotEmpty();
    }

    @Test
    void aForgetRequestWithoutAUserIdIsA400NamingTheField() {
        // when
        HttpApiResponse response = forget("{\"user\":\"forget-me\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().path("errors").findValuesAsText("field"))
                .containsExactly("user", "userId");
    }

    @Test
    void theSameEventSentAgainIsADuplicateAndStoredOnce() {
        // given
        String event = batch("dup-1", "2011-12-01T10:00:00Z");
        post(event);

        // when
        HttpApiResponse response = post(event);

        // then
        JsonNode body = response.bodyJson();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("duplicate").asInt()).isEqualTo(1);
        assertThat(body.path("conflict").asInt()).isZero();
        assertThat(body.path("results").get(0).path("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void anIdSentAgainWithOtherContentIsAConflictNamingTheFieldsAndTheStoredEventStays() {
        // given
        post(batch("conf-1", "2011-12-01T10:00:00Z"));
        String changed =
                batch("conf-1", "2011-12-02T10:00:00+01:00")
                        .replace("\"quantity\":1", "\"quantity\":3");

        // when
        HttpApiResponse response = post(changed);

        // then
        JsonNode result = response.bodyJson().path("results").get(0);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().path("conflict").asInt()).isEqualTo(1);
        assertThat(result.path("status").asText()).isEqualTo("conflict");
        assertThat(result.path("errors").findValuesAsText("field"))
                .containsExactly("events[0].quantity", "events[0].timestamp");
        assertThat(result.path("errors").get(0).path("message").asText())
                .isEqualTo(
                        "events[0].quantity: expected 1 (the value stored earlier under this"
                                + " eventId; send a new eventId for a new event), got 3");
        assertThat(storedItem("conf-1").get("localDate").s()).isEqualTo("2011-12-01");
        assertThat(storedItem("conf-1").get("quantity").n()).isEqualTo("1");
    }

    @Test
    void aConflictInsideOneBatchKeepsTheFirstAndStoresTheOthers() {
        // given
        String first = batch("conf-2", "2011-12-01T10:00:00Z");
        String second = first.replace("\"unitPrice\":12.75", "\"unitPrice\":13.00");
        String other = batch("conf-3", "2011-12-01T10:00:00Z");
        String body =
                "{\"events\":["
                        + events(first)
                        + ","
                        + events(second)
                        + ","
                        + events(first)
                        + ","
                        + events(other)
                        + "]}";

        // when
        HttpApiResponse response = post(body);

        // then
        JsonNode json = response.bodyJson();
        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(json.path("results").findValuesAsText("status"))
                .containsExactly("accepted", "conflict", "duplicate", "accepted");
        assertThat(json.path("results").get(1).path("errors").findValuesAsText("field"))
                .containsExactly("events[1].unitPrice");
        assertThat(storedItem("conf-2").get("unitPrice").n()).isEqualTo("12.75");
    }

    @Test
    void badFieldsAreNamedAndTheValidEventsKept() {
        // given
        String body =
                """
                {"events":[
                 {"eventId":"bf-1","type":"view","itemId":"21730","quantity":1,"unitPrice":4.25,
                  "timestamp":"2011-12-01T10:00:00Z"},
                 {"eventId":"bf-2","type":"view","itemId":"21730","quantity":1,"unitPrice":4.25,
                  "timestamp":"2011-06-15"}]}
                """;

        // when
        HttpApiResponse response = post(body);

        // then
        JsonNode rejected = response.bodyJson().path("results").get(1);
        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("errors").get(0).path("message").asText())
                .isEqualTo(
                        "events[1].timestamp: expected ISO-8601 date-time with offset such as"
                                + " 2011-06-15T09:30:00+01:00, or epoch seconds or milliseconds as an integer, got \"2011-06-15\"");
    }

    @Test
    void moreThanFiveHundredEventsAreRefusedAsAWhole() {
        // given
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 501; i++) {
            body.append(i == 0 ? "" : ",").append("{}");
        }

        // when
        HttpApiResponse response = post(body.append("]}").toString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().path("errors").get(0).path("message").asText())
                .isEqualTo("events: expected an array of 1 to 500 events, got an array of 501");
    }

    @Test
    void aBodyOverSixMegabytesIsRefusedAsAWholeWith413() {
        // given 400 catalogue items with 9,000-character descriptions in two-byte characters:
        // each item valid, the body 7.2 MB in UTF-8
        String description = "\u00e9".repeat(9_000);
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 400; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"itemId\":\"big-")
                    .append(i)
                    .append("\",\"description\":\"")
                    .append(description)
                    .append("\"}");
        }

        // when
        HttpApiResponse response =
                LambdaEvents.invoke(
                        HttpApiEvent.post("/catalog")
                                .jsonBody(body.append("]}").toString())
                                .toJson());

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyJson().path("error").asText())
                .startsWith("the body is over 6 MB, AWS Lambda's limit for one request");
        assertThat(
                        dynamo.getItem(
                                        b ->
                                                b.tableName(LocalDynamoDbResource.CATALOG_TABLE)
                                                        .key(
                                                                Map.of(
                                                                        "itemId",
                                                                        AttributeValue.fromS(
                                                                                "big-0"))))
                                .item())
                .isEmpty();
    }

    @Test
    void anEmptyBodyIsA400NamingTheBody() {
        // when
        HttpApiResponse response = LambdaEvents.invoke(HttpApiEvent.post("/events").toJson());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyJson().path("errors").get(0).path("field").asText())
                .isEqualTo("body");
    }

    private Map<String, AttributeValue> storedItem(String eventId) {
        return dynamo.getItem(
                        b ->
                                b.tableName(LocalDynamoDbResource.EVENTS_TABLE)
                                        .key(Map.of("eventId", AttributeValue.fromS(eventId))))
                .item();
    }

    /** The single event object of a one-event batch. */
    private static String events(String batch) {
        return batch.substring(batch.indexOf('[') + 1, batch.lastIndexOf(']'));
    }

    private List<String> scanUserIds() {
        return dynamo
                .scanPaginator(b -> b.tableName(LocalDynamoDbResource.EVENTS_TABLE))
                .items()
                .stream()
                .filter(item -> item.containsKey("userId"))
                .map(item -> item.get("userId").s())
                .toList();
    }

    private static HttpApiResponse forget(String body) {
        return LambdaEvents.invoke(HttpApiEvent.post("/users/forget").jsonBody(body).toJson());
    }

    private static HttpApiResponse post(String body) {
        return LambdaEvents.invoke(HttpApiEvent.post("/events").jsonBody(body).toJson());
    }

    private static String batch(String eventId, String timestamp) {
        return "{\"events\":[{\"eventId\":\""
                + eventId
                + "\",\"type\":\"purchase\",\"userId\":\"u9\",\"itemId\":\"22423\",\"quantity\":1,"
                + "\"unitPrice\":12.75,\"timestamp\":\""
                + timestamp
                + "\"}]}";
    }
}
