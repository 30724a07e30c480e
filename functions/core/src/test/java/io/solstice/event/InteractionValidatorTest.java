package io.solstice.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractionValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID =
            """
            {"eventId":"536365-1","type":"purchase","userId":"17850","itemId":"85123A",
             "quantity":6,"unitPrice":2.55,"timestamp":"2010-12-01T08:26:00+00:00",
             "country":"United Kingdom","orderId":"536365"}
            """;

    @Test
    void aCompleteEventBecomesAnInteraction() {
        // when
        Validated<Interaction> result = InteractionValidator.validate(json(VALID), "events[0]");

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value())
                .isEqualTo(
                        new Interaction(
                                "536365-1",
                                InteractionType.PURCHASE,
                                "17850",
                                "85123A",
                                6,
                                2.55,
                                OffsetDateTime.parse("2010-12-01T08:26:00Z"),
                                "United Kingdom",
                                "536365"));
    }

    @Test
    void aGuestEventWithoutOptionalFieldsIsValid() {
        // given
        ObjectNode event = json(VALID);
        event.remove(List.of("userId", "country", "orderId"));

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.isValid()).isTrue();
        assertThat(result.value().isGuest()).isTrue();
    }

    @Test
    void anEmptyUserIdMeansAGuest() {
        // given
        ObjectNode event = object(VALID).put("userId", "");

        // when / then
        assertThat(InteractionValidator.validate(event, "events[0]").value().userId()).isNull();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "timestamp | \"2011-06-15\" | events[3].timestamp: expected ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00, or epoch seconds or milliseconds as an integer, got \"2011-06-15\"",
                "timestamp | \"2011-06-15T09:30:00\" | events[3].timestamp: expected ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00, or epoch seconds or milliseconds as an integer, got \"2011-06-15T09:30:00\"",
                "quantity | 1.5 | events[3].quantity: expected an integer from -1000000 to 1000000, got 1.5",
                "quantity | 1000001 | events[3].quantity: expected an integer from -1000000 to 1000000, got 1000001",
                "quantity | \"6\" | events[3].quantity: expected an integer from -1000000 to 1000000, got \"6\"",
                "unitPrice | -0.01 | events[3].unitPrice: expected a number from 0 to 1000000, got -0.01",
                "unitPrice | 1e300 | events[3].unitPrice: expected a number from 0 to 1000000, got 1.0E300",
                "unitPrice | null | events[3].unitPrice: expected a number from 0 to 1000000, got null",
                "type | \"refund\" | events[3].type: expected one of view, click, add_to_cart, remove_from_cart, purchase, return, search, rating, got \"refund\"",
                "eventId | \"\" | events[3].eventId: expected a string of 1-128 characters without control characters, got \"\"",
                "eventId | 42 | events[3].eventId: expected a string of 1-128 characters without control characters, got 42",
                "itemId | \"a\\u0000b\" | events[3].itemId: expected a string of 1-128 characters without control characters, got \"a\\u0000b\"",
                "itemId | \"a\\u200bb\" | events[3].itemId: expected a string of 1-128 characters without control characters, got \"a\\u200bb\"",
                "eventId | \"e\\ud800\" | events[3].eventId: expected a string of 1-128 characters without control characters, got \"e\\ud800\"",
                "eventId | \"e\\u202e1\" | events[3].eventId: expected a string of 1-128 characters without control characters, got \"e\\u202e1\"",
                "orderId | \"o\\uffff\" | events[3].orderId: expected a string of 1-128 characters without control characters, got \"o\\uffff\"",
                "userId | [1] | events[3].userId: expected a string of 1-128 characters without control characters, got an array of 1",
                "userID | \"17850\" | events[3].userID: expected one of the fields eventId, type, userId, itemId, quantity, unitPrice, timestamp, country, orderId, query, rating, got an unknown field",
            })
    void aBadFieldIsNamedWithWhatWasExpectedAndWhatArrived(
            String field, String value, String message) {
        // given
        ObjectNode event = json(VALID);
        event.set(field, json(value));

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[3]");

        // then
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"click, CLICK", "remove_from_cart, REMOVE_FROM_CART", "view, VIEW"})
    void aCartOrBrowsingTypeIsReadByItsWireName(String wireName, InteractionType type) {
        // given
        ObjectNode event = object(VALID).put("type", wireName);

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().type()).isEqualTo(type);
        assertThat(result.value().query()).isNull();
        assertThat(result.value().rating()).isNull();
    }

    @Test
    void aSearchKeepsItsQueryAndNeedsNoQuantityOrPrice() {
        // given
        ObjectNode event = object(VALID).put("type", "search").put("query", "christmas lights");
        event.remove(List.of("quantity", "unitPrice"));

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().type()).isEqualTo(InteractionType.SEARCH);
        assertThat(result.value().query()).isEqualTo("christmas lights");
        assertThat(result.value().quantity()).isZero();
        assertThat(result.value().unitPrice()).isZero();
    }

    @Test
    void aRatingKeepsItsStars() {
        // given
        ObjectNode event = object(VALID).put("type", "rating").put("rating", 4);
        event.remove(List.of("quantity", "unitPrice"));

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().rating()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"search\"} | events[0].query: expected a string of 1-256 characters without control characters, got nothing",
                "{\"type\":\"search\",\"query\":\"a\\nb\"} | events[0].query: expected a string of 1-256 characters without control characters, got \"a\\u000ab\"",
                "{\"type\":\"rating\"} | events[0].rating: expected an integer from 1 to 5, got nothing",
                "{\"type\":\"rating\",\"rating\":6} | events[0].rating: expected an integer from 1 to 5, got 6",
                "{\"type\":\"rating\",\"rating\":4.5} | events[0].rating: expected an integer from 1 to 5, got 4.5",
                "{\"type\":\"rating\",\"rating\":\"5\"} | events[0].rating: expected an integer from 1 to 5, got \"5\"",
                "{\"type\":\"view\",\"query\":\"lights\"} | events[0].query: expected no field (query is only for type search), got \"lights\"",
                "{\"type\":\"purchase\",\"rating\":5} | events[0].rating: expected no field (rating is only for type rating), got 5",
            })
    void aTypeSpecificFieldIsRequiredForItsTypeAndRefusedOnOthers(String change, String message) {
        // given
        ObjectNode event = object(VALID);
        event.setAll(object(change));

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(message);
    }

    @Test
    void accentsScriptsAndEmojiAreValidInIds() {
        // given
        ObjectNode event = object(VALID).put("eventId", "é-日本-\ud83c\udf84-Ω");

        // when / then
        assertThat(InteractionValidator.validate(event, "events[0]").errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1323427800, 2011-12-09T10:50:00Z",
        "1323427800000, 2011-12-09T10:50:00Z",
        "99999999999, 5138-11-16T09:46:39Z",
        "100000000000, 1973-03-03T09:46:40Z",
        "'\"2011-12-09T12:50:00+02:00\"', 2011-12-09T10:50:00Z"
    })
    void aTimestampIsIsoOrEpochSecondsBelowOneE11ElseMilliseconds(String json, String instant) {
        // given
        ObjectNode event = object(VALID);
        event.set("timestamp", json(json));
        Clock farFuture = Clock.fixed(Instant.parse("6000-01-01T00:00:00Z"), ZoneOffset.UTC);

        // when
        Validated<Interaction> result =
                InteractionValidator.validate(
                        event, "events[0]", Instant.parse("1970-01-01T00:00:00Z"), farFuture);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().occurredAt().toInstant()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"1999-12-31T23:59:59Z\" | events[0].timestamp: expected a time on or after 2000-01-01T00:00:00Z, got \"1999-12-31T23:59:59Z\"",
                "946684799 | events[0].timestamp: expected a time on or after 2000-01-01T00:00:00Z, got 946684799",
                "\"2012-01-02T00:00:01Z\" | events[0].timestamp: expected a time no later than 2012-01-02T00:00:00Z (1 day ahead of now), got \"2012-01-02T00:00:01Z\"",
                "1.5e12 | events[0].timestamp: expected a time no later than 2012-01-02T00:00:00Z (1 day ahead of now), got 1.5E12",
                "1e400 | events[0].timestamp: expected ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00, or epoch seconds or milliseconds as an integer, got \"Infinity\"",
                "1323427800.5 | events[0].timestamp: expected ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00, or epoch seconds or milliseconds as an integer, got 1.3234278005E9",
                "99999999999999999999 | events[0].timestamp: expected ISO-8601 date-time with offset such as 2011-06-15T09:30:00+01:00, or epoch seconds or milliseconds as an integer, got 99999999999999999999",
            })
    void aTimestampOutsideTheBoundsIsRefusedWithTheBound(String json, String message) {
        // given
        ObjectNode event = object(VALID);
        event.set("timestamp", json(json));
        Clock now = Clock.fixed(Instant.parse("2012-01-01T00:00:00Z"), ZoneOffset.UTC);

        // when
        Validated<Interaction> result =
                InteractionValidator.validate(
                        event, "events[0]", InteractionValidator.DEFAULT_EARLIEST, now);

        // then
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(message);
    }

    @Test
    void aMissingRequiredFieldIsReportedAsNothing() {
        // given
        ObjectNode event = json(VALID);
        event.remove("eventId");

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.errors())
                .extracting(FieldError::message)
                .containsExactly(
                        "events[0].eventId: expected a string of 1-128 characters without control"
                                + " characters, got nothing");
    }

    @Test
    void everyBadFieldOfOneEventIsReported() {
        // given
        JsonNode event = json("{\"eventId\":\"e1\",\"type\":\"view\",\"itemId\":\"i\"}");

        // when
        Validated<Interaction> result = InteractionValidator.validate(event, "events[0]");

        // then
        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactly(
                        "events[0].quantity", "events[0].unitPrice", "events[0].timestamp");
    }

    @Test
    void aLongIdIsShownShortened() {
        // given
        ObjectNode event = object(VALID).put("eventId", "x".repeat(200));

        // when
        FieldError error = InteractionValidator.validate(event, "events[0]").errors().get(0);

        // then
        assertThat(error.got()).startsWith("\"xxxx").endsWith("...\" (200 characters)");
    }

    @Test
    void aNonObjectEventIsOneError() {
        // when
        Validated<Interaction> result = InteractionValidator.validate(json("42"), "events[1]");

        // then
        assertThat(result.errors())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.field()).isEqualTo("events[1]");
                            assertThat(e.got()).isEqualTo("42");
                        });
    }

    private static ObjectNode object(String text) {
        return json(text);
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T json(String text) {
        try {
            return (T) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
