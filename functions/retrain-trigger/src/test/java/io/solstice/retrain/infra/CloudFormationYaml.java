package io.solstice.retrain.infra;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CloudFormation or SAM template written in YAML into the JSON tree CloudFormation itself
 * works on: the short-form tags become their long forms ({@code !Ref X} becomes {@code {"Ref":
 * "X"}}, {@code !GetAtt A.Arn} becomes {@code {"Fn::GetAtt": ["A", "Arn"]}}, {@code !Sub s} becomes
 * {@code {"Fn::Sub": "s"}}, and so on), so that checks can tell a reference from a string.
 * Jackson's YAML parser reports each tag as the value's type id.
 */
final class CloudFormationYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {}

    static JsonNode read(Path template) {
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(template))) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    private static JsonNode value(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonNode plain =
                switch (parser.currentToken()) {
                    case START_OBJECT -> object(parser);
                    case START_ARRAY -> array(parser);
                    case VALUE_STRING -> NODES.textNode(parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.textNode(parser.getText());
                    case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
                    case VALUE_NULL -> NODES.nullNode();
                    default ->
                            throw new IOException(
                                    "unexpected "
                                            + parser.currentToken()
                                            + " at "
                                            + parser.currentLocation());
                };
        return tag == null ? plain : longForm(tag, plain);
    }

    private static ObjectNode object(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, value(parser));
        }
        return object;
    }

    private static ArrayNode array(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    private static JsonNode longForm(String tag, JsonNode value) {
        ObjectNode intrinsic = NODES.objectNode();
        switch (tag) {
            case "Ref" -> intrinsic.set("Ref", value);
            case "Condition" -> intrinsic.set("Condition", value);
            case "GetAtt" -> intrinsic.set("Fn::GetAtt", getAttArguments(value));
            default -> intrinsic.set("Fn::" + tag, value);
        }
        return intrinsic;
    }

    private static JsonNode getAttArguments(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String[] parts = value.asText().split("\\.", 2);
        ArrayNode arguments = NODES.arrayNode();
        for (String part : parts) {
            arguments.add(part);
        }
        return arguments;
    }
}
