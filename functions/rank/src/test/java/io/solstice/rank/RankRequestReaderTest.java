package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.event.FieldError;
import io.solstice.event.Validated;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankRequestReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final LocalDate TODAY = LocalDate.of(2011, 12, 9);

    private final RankRequestReader reader = new RankRequestReader(() -> TODAY);

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
            })
    void aFieldThatDoesNotFitIsNamedWithWhatArrived(String body, String field, String got) {
        // when
        Validated<RankRequest> request = reader.read(json(body));

        // then
        assertThat(request.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(request.errors().get(0).got()).isEqualTo(got);
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

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
