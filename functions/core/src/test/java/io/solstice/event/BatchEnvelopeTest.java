package io.solstice.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[] | body: expected a JSON object such as {\"events\":[...]}, got an array of 0",
                "{} | events: expected an array of 1 to 3 events, got nothing",
                "{\"events\":{}} | events: expected an array of 1 to 3 events, got an object",
                "{\"events\":[]} | events: expected an array of 1 to 3 events, got an array of 0",
                "{\"events\":[1,2,3,4]} | events: expected an array of 1 to 3 events, got an array of 4",
            })
    void aBodyOfTheWrongShapeIsOneError(String body, String message) throws Exception {
        // when
        Validated<List<JsonNode>> result = BatchEnvelope.records(JSON.readTree(body), "events", 3);

        // then
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"{\"events\":[1,{}],\"source\":\"shop\"} | 2"})
    void recordsAreReturnedWhateverTheirContent(String body, int count) throws Exception {
        // when
        Validated<List<JsonNode>> result = BatchEnvelope.records(JSON.readTree(body), "events", 3);

        // then
        assertThat(result.value()).hasSize(count);
    }
}
