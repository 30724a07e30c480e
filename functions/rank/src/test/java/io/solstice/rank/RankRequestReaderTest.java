package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.event.FieldError;
import io.solstice.event.Validated;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankRequestReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final LocalDate TODAY = LocalDate.of(2011, 12, 9);

    /** Noon on {@link #TODAY} in UTC: already the next day east of +12:00. */
    private static final Instant NOON_UTC = Instant.parse("2011-12-09T12:00:00Z");

    private final RankRequestReader reader =
            new RankRequestReader(Clock.fixed(NOON_UTC, ZoneOffset.UTC));

    @Test
    void noBodyAsksForTenItemsForAGuestToday() {
        // when
        Validated<RankRequest> request = reader.read(null);

        // then
        assertThat(request.value()).isEqualTo(new RankRequest(null, TODAY, null, 10, false));
    }

    @Test
    void everyFieldIsRead() {
        // when
        Validated<RankRequest> request =
                reader.read(
                        json(
                                """
                                {"userId":"17850","date":"2011-11-15","country":"United Kingdom",
                                 "count":100,"excludePurchased":true}
                                """));

        // then
        assertThat(request.value())
                .isEqualTo(
                        new RankRequest(
                                "17850", LocalDate.of(2011, 11, 15), "United Kingdom", 100, true));
    }

    @Test
    void nullsAndAnEmptyUserIdMeanTheDefaults() {
        // when
        Validated<RankRequest> request =
                reader.read(
                        json(
                                """
                                {"userId":"","date":null,"country":null,"count":null,
                                 "excludePurchased":null}
                                """));

        // then
        assertThat(request.value()).isEqualTo(new RankRequest(null, TODAY, null, 10, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"count\":0}|count|0",
                "{\"count\":101}|count|101",
                "{\"count\":2.5}|count|2.5",
                "{\"count\":\"10\"}|count|\"10\"",
                "{\"date\":\"2011-02-30\"}|date|\"2011-02-30\"",
                "{\"date\":\"2011-11-15T10:00:00Z\"}|date|\"2011-11-15T10:00:00Z\"",
                "{\"date\":20111115}|date|20111115",
                "{\"userId\":17850}|userId|17850",
                "{\"userId\":\"  \"}|userId|\"  \"",
                "{\"country\":[\"GB\"]}|country|an array of 1",
                "{\"excludePurchased\":1}|excludePurchased|1",
                "{\"user_id\":\"17850\"}|user_id|an unknown field",
                "[]|body|an array of 0",
                "{\"dateTime\":\"2011-11-15T10:00:00\"}|dateTime|\"2011-11-15T10:00:00\"",
                "{\"dateTime\":\"2011-11-15\"}|dateTime|\"2011-11-15\"",
                "{\"date\":\"2011-11-15\",\"dateTime\":\"2011-11-15T10:00Z\"}|dateTime|\"2011-11-15T10:00Z\"",
                "{\"timeZone\":\"Mars/Olympus\"}|timeZone|\"Mars/Olympus\"",
                "{\"cart\":\"85123A\"}|cart|\"85123A\"",
                "{\"inStockOnly\":\"no\"}|inStockOnly|\"no\"",
                "{\"pin\":{\"85123A\":0}}|pin.85123A|0",
                "{\"pin\":{\"85123A\":1,\"22423\":1}}|pin.22423|1",
                "{\"pin\":[\"85123A\"]}|pin|an array of 1",
                "{\"bury\":{\"brands\":[\"x\"]}}|bury.brands|an unknown field",
                "{\"bury\":{\"items\":[42]}}|bury.items[0]|42",
                "{\"boostCategories\":{\"home\":0}}|boostCategories.home|0",
            })
    void aFieldThatDoesNotFitIsNamedWithWhatArrived(String body, String field, String got) {
        // when
        Validated<RankRequest> request = reader.read(json(body));

        // then
        assertThat(request.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(request.errors().get(0).got()).isEqualTo(got);
    }

    @Test
    void theRulesAndContextFieldsAreRead() {
        // when
        RankRequest request =
                reader.read(
                                json(
                                        """
                                        {"dateTime":"2011-11-30T23:30:00-05:00",
                                         "timeZone":"Pacific/Auckland","cart":["22086"],
                                         "inStockOnly":false,"pin":{"22219":1},
                                         "bury":{"items":["85123A"],"categories":["Christmas"]},
                                         "boostCategories":{" Kitchen ":2}}
                                        """))
                        .value();

        // then the day in Auckland, and every rule as sent (categories compared lower-case)
        assertThat(request.date()).isEqualTo(LocalDate.of(2011, 12, 1));
        assertThat(request.cart()).containsExactly("22086");
        assertThat(request.leavesOut("22086")).isTrue();
        assertThat(request.inStockOnly()).isFalse();
        assertThat(request.pin()).containsExactlyEntriesOf(java.util.Map.of("22219", 1));
        assertThat(request.buryItems()).containsExactly("85123A");
        assertThat(request.buryCategories()).containsExactly("Christmas");
        assertThat(request.boostCategories())
                .containsExactlyEntriesOf(java.util.Map.of("kitchen", 2.0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Europe/London, 2011-12-09",
        "Pacific/Kiritimati, 2011-12-10",
        "-11:00, 2011-12-09",
        "+13:00, 2011-12-10"
    })
    void withoutADateTheDayIsTodayInTheTimeZone(String zone, LocalDate expected) {
        // when
        RankRequest request = reader.read(json("{\"timeZone\":\"" + zone + "\"}")).value();

        // then
        assertThat(request.date()).isEqualTo(expected);
        assertThat(request.inStockOnly()).isTrue();
    }

    @Test
    void aLongValueIsShownShortened() {
        // when
        Validated<RankRequest> request =
                reader.read(json("{\"country\":\"" + "x".repeat(65) + "\"}"));

        // then
        assertThat(request.errors().get(0).message())
                .isEqualTo(
                        "country: expected a string of 1-64 characters without control characters,"
                                + " or no field, got \""
                                + "x".repeat(64)
                                + "...\" (65 characters)");
    }

    @Test
    void anUnknownFieldWithAnEmptyControlOrHugeNameIsNamedReadably() {
        // when
        Validated<RankRequest> request =
                reader.read(json("{\"\":1,\"a\\u0000\":2,\"" + "k".repeat(70) + "\":3}"));

        // then
        assertThat(request.errors())
                .extracting(FieldError::field)
                .containsExactly(
                        "\"\"", "\"a\\u0000\"", "\"" + "k".repeat(64) + "...\" (70 characters)");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
