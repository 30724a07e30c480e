package io.solstice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Asserts that a JSON document contains an expected one: every field of an expected object must be
 * present and match, arrays element by element, scalars equal. Unlisted fields are not checked.
 */
final class JsonSubset {

    private JsonSubset() {}

    static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as("%s is an object in %s", path, actual).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = actual.get(field.getKey());
                assertThat(value).as("%s.%s in %s", path, field.getKey(), actual).isNotNull();
                assertContains(value, field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size())
                    .as("length of %s in %s", path, actual)
                    .isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
