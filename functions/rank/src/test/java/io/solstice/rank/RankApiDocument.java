package io.solstice.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.solstice.local.TestEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** {@code functions/rank/openapi.yaml}, read once, and its schemas as JSON Schema validators. */
final class RankApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode DOCUMENT = read();

    private RankApiDocument() {}

    /** The whole document. */
    static JsonNode document() {
        return DOCUMENT;
    }

    /** What is wrong with a value as the named schema of {@code components/schemas} sees it. */
    static Set<ValidationMessage> problems(String schema, JsonNode value) {
        return schema(schema).validate(value);
    }

    /** The schema an answer body of the function has: an ErrorBody or a RankResponse. */
    static String answerSchema(JsonNode body) {
        return body.has("error") ? "ErrorBody" : "RankResponse";
    }

    private static JsonSchema schema(String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.putObject("components").set("schemas", DOCUMENT.at("/components/schemas"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper()
                    .readTree(
                            TestEvents.repoRoot().resolve("functions/rank/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
