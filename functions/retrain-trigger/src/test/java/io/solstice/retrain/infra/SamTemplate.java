package io.solstice.retrain.infra;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code infra/template.yaml} the infrastructure tests look at: resources, the
 * functions' environment and policy statements, IAM roles, and which resources an expression refers
 * to.
 */
final class SamTemplate {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]");

    private final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    static SamTemplate read(Path file) {
        return new SamTemplate(CloudFormationYaml.read(file));
    }

    JsonNode root() {
        return root;
    }

    /** A resource by logical id; fails the test when it is missing. */
    JsonNode resource(String id) {
        JsonNode resource = root.path("Resources").get(id);
        if (resource == null) {
            fail("infra/template.yaml has no resource " + id);
        }
        return resource;
    }

    String type(String id) {
        return resource(id).path("Type").asText();
    }

    JsonNode properties(String id) {
        return resource(id).path("Properties");
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        root.path("Resources")
                .fields()
                .forEachRemaining(
                        e -> {
                            if (type.equals(e.getValue().path("Type").asText())) {
                                ids.add(e.getKey());
                            }
                        });
        return ids;
    }

    /** The function deployed from a module's {@code target/function.zip}; fails when none is. */
    String functionOf(String module) {
        String codeUri = "../functions/" + module + "/target/function.zip";
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            if (codeUri.equals(properties(id).path("CodeUri").asText())) {
                return id;
            }
        }
        return fail("infra/template.yaml deploys no function with CodeUri " + codeUri);
    }

    /** A function's environment variables, Globals first, the function's own winning. */
    Map<String, JsonNode> environment(String functionId) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        putAll(variables, root.at("/Globals/Function/Environment/Variables"));
        putAll(variables, properties(functionId).at("/Environment/Variables"));
        return variables;
    }

    /** A job definition's container environment. */
    Map<String, JsonNode> jobEnvironment(String jobDefinitionId) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        for (JsonNode variable :
                properties(jobDefinitionId).at("/ContainerProperties/Environment")) {
            variables.put(variable.path("Name").asText(), variable.path("Value"));
        }
        return variables;
    }

    /** The statements of a function's inline policies (SAM {@code Policies}). */
    List<JsonNode> functionStatements(String functionId) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : properties(functionId).path("Policies")) {
            if (!policy.has("Statement")) {
                fail(
                        functionId
                                + " has a policy this test cannot read ("
                                + policy
                                + "); write inline statements, which also keeps it least"
                                + " privilege");
            }
            policy.path("Statement").forEach(statements::add);
        }
        return statements;
    }

    /** The statements of an IAM role's inline policies. */
    List<JsonNode> roleStatements(String roleId) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : properties(roleId).path("Policies")) {
            policy.at("/PolicyDocument/Statement").forEach(statements::add);
        }
        return statements;
    }

    /**
     * The logical ids an expression refers to through {@code Ref}, {@code Fn::GetAtt} or {@code
     * Fn::Sub}, in any branch of an {@code Fn::If}; parameters and pseudo parameters included.
     */
    static Set<String> references(JsonNode expression) {
        Set<String> ids = new LinkedHashSet<>();
        collect(expression, ids);
        return ids;
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            if (node.has("Ref")) {
                ids.add(node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt")) {
                ids.add(node.get("Fn::GetAtt").path(0).asText());
            }
            if (node.path("Fn::Sub").isTextual()) {
                Matcher m = SUB_REFERENCE.matcher(node.get("Fn::Sub").asText());
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
            node.elements().forEachRemaining(child -> collect(child, ids));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, ids));
        }
    }

    private static void putAll(Map<String, JsonNode> into, JsonNode variables) {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            into.put(variable.getKey(), variable.getValue());
        }
    }
}
