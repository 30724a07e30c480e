package io.solstice.retrain.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.local.TestEvents;
import io.solstice.retrain.RepoFiles;
import io.solstice.retrain.ledger.RunLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks {@code infra/template.yaml} against what the code needs: every function module is deployed
 * with the handler its Quarkus extension provides, every configuration key its code requires is set
 * (and names the same table or bucket everywhere), every route it serves is routed, every AWS call
 * it makes is allowed and nothing more broadly than that, and the training job definitions carry
 * the train job's settings. cfn-lint checks the template's syntax and types ({@link CfnLintTest});
 * this checks its meaning.
 */
class InfraTemplateTest {

    private static final List<String> FUNCTION_MODULES =
            List.of("ingest", "rank", "retrain-trigger");
    private static final List<String> JOB_DEFINITIONS =
            List.of("TrainGpuJobDefinition", "TrainCpuJobDefinition");
    private static final Set<String> ACTIONS_WITHOUT_RESOURCES = Set.of("batch:ListJobs");
    private static final Pattern WILDCARD_ACTION = Pattern.compile(".*\\*.*");

    private static SamTemplate template;
    private static Path root;

    @BeforeAll
    static void readTemplate() {
        root = TestEvents.repoRoot();
        template = SamTemplate.read(RepoFiles.template());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest", "rank", "retrain-trigger"})
    void everyFunctionModuleIsDeployedWithItsHandler(String module) throws Exception {
        // given
        Path moduleDir = root.resolve("functions").resolve(module);

        // when
        JsonNode function = template.properties(template.functionOf(module));

        // then
        String runtime = function.path("Runtime").asText();
        if (runtime.startsWith("provided")) {
            String recipe =
                    Files.readString(root.resolve("native-build/build-" + module + "-native.sh"));
            assertThat(recipe).as("native build of %s", module).contains("-pl functions/" + module);
        } else {
            assertThat(runtime).as("%s runtime", module).matches("java(17|21|25)");
            assertThat(function.path("Handler").asText())
                    .as("%s handler", module)
                    .isEqualTo(CodeFacts.lambdaHandler(moduleDir));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest", "rank", "retrain-trigger"})
    void everyRequiredSettingOfAFunctionIsSetFromAResource(String module) {
        // given
        Set<String> required = CodeFacts.requiredVariables(root.resolve("functions/" + module));
        String function = template.functionOf(module);

        // when
        Map<String, JsonNode> environment = template.environment(function);

        // then
        assertThat(required).as("settings found in %s's @ConfigMapping", module).isNotEmpty();
        for (String variable : required) {
            assertThat(environment).as("%s environment", function).containsKey(variable);
            assertNamesResourceOfItsKind(function, variable, environment.get(variable));
        }
    }

    @Test
    void theTrainJobDefinitionsCarryTheJobsSettings() {
        // given
        Set<String> required = CodeFacts.trainJobVariables(root.resolve("functions/train"));
        required = union(required, Set.of("AWS_REGION"));

        for (String definition : JOB_DEFINITIONS) {
            // when
            Map<String, JsonNode> environment = template.jobEnvironment(definition);

            // then
            assertThat(environment.keySet()).as("%s environment", definition).containsAll(required);
            assertThat(SamTemplate.references(environment.get("AWS_REGION")))
                    .containsExactly("AWS::Region");
            for (String variable : required) {
                assertNamesResourceOfItsKind(definition, variable, environment.get(variable));
            }
        }
        assertThat(resourceRequirement("TrainGpuJobDefinition", "GPU")).isEqualTo("1");
        assertThat(resourceRequirement("TrainCpuJobDefinition", "GPU")).isNull();
    }

    @Test
    void aSettingNamesTheSameResourceWhereverItIsSet() {
        // given
        Map<String, Map<String, JsonNode>> environments = new LinkedHashMap<>();
        FUNCTION_MODULES.forEach(
                m -> environments.put(m, template.environment(template.functionOf(m))));
        JOB_DEFINITIONS.forEach(d -> environments.put(d, template.jobEnvironment(d)));

        // when / then
        for (String variable :
                List.of(
                        "SOLSTICE_EVENTS_TABLE",
                        "SOLSTICE_CATALOG_TABLE",
                        "SOLSTICE_MODEL_BUCKET")) {
            Set<Set<String>> targets = new HashSet<>();
            environments.values().stream()
                    .filter(env -> env.containsKey(variable))
                    .forEach(env -> targets.add(SamTemplate.references(env.get(variable))));
            assertThat(targets).as("resources %s names", variable).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest", "rank"})
    void everyRouteTheCodeServesIsRoutedToItsFunction(String module) {
        // given
        Set<String> served = CodeFacts.httpRoutes(root.resolve("functions/" + module));
        String function = template.functionOf(module);

        // when
        List<String> routes = new ArrayList<>();
        for (JsonNode event : template.properties(function).path("Events")) {
            if ("HttpApi".equals(event.path("Type").asText())) {
                routes.add(
                        event.at("/Properties/Method").asText()
                                + " "
                                + event.at("/Properties/Path").asText());
            }
        }

        // then
        assertThat(served).isNotEmpty();
        assertThat(routes).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theIngestFunctionMayReadAndWriteItsTables() {
        String function = template.functionOf("ingest");
        List<JsonNode> statements = template.functionStatements(function);
        String events = target(function, "SOLSTICE_EVENTS_TABLE");
        String catalog = target(function, "SOLSTICE_CATALOG_TABLE");

        assertAllowed(statements, "dynamodb:BatchGetItem", arnOf(events), function);
        assertAllowed(statements, "dynamodb:BatchWriteItem", arnOf(events), function);
        assertAllowed(statements, "dynamodb:BatchWriteItem", arnOf(catalog), function);
        assertAllowed(statements, "dynamodb:Query", under(events, "/index/byUser"), function);
    }

    @Test
    void theRankFunctionMayReadModelsAndShopperHistory() {
        String function = template.functionOf("rank");
        List<JsonNode> statements = template.functionStatements(function);
        String bucket = target(function, "SOLSTICE_MODEL_BUCKET");
        String events = target(function, "SOLSTICE_EVENTS_TABLE");

        assertAllowed(statements, "s3:GetObject", under(bucket, "/models/CURRENT"), function);
        assertAllowed(
                statements, "s3:GetObject", under(bucket, "/models/20241202T030000Z/x"), function);
        assertAllowed(statements, "s3:ListBucket", arnOf(bucket), function);
        assertAllowed(statements, "dynamodb:Query", under(events, "/index/byUser"), function);
    }

    @Test
    void theRetrainTriggerMaySubmitToItsQueueAndDefinitionAndKeepItsLedger() {
        String function = template.functionOf("retrain-trigger");
        List<JsonNode> statements = template.functionStatements(function);
        Map<String, JsonNode> environment = template.environment(function);
        String runs = target(function, "SOLSTICE_RUNS_TABLE");

        assertAllowed(
                statements,
                "batch:SubmitJob",
                sameAs(environment.get("SOLSTICE_JOB_QUEUE")),
                function);
        assertAllowed(
                statements,
                "batch:SubmitJob",
                sameAs(environment.get("SOLSTICE_JOB_DEFINITION")),
                function);
        assertAllowed(statements, "batch:ListJobs", any(), function);
        for (String action :
                List.of(
                        "dynamodb:PutItem",
                        "dynamodb:GetItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem")) {
            assertAllowed(statements, action, arnOf(runs), function);
        }
    }

    @Test
    void theTrainJobRoleMayReadTheTablesAndPublishModelsAndReports() {
        for (String definition : JOB_DEFINITIONS) {
            JsonNode roleArn =
                    template.properties(definition).at("/ContainerProperties/JobRoleArn");
            String role = SamTemplate.references(roleArn).iterator().next();
            List<JsonNode> statements = template.roleStatements(role);
            Map<String, JsonNode> environment = template.jobEnvironment(definition);
            String events = single(environment.get("SOLSTICE_EVENTS_TABLE"));
            String catalog = single(environment.get("SOLSTICE_CATALOG_TABLE"));
            String bucket = single(environment.get("SOLSTICE_MODEL_BUCKET"));

            assertAllowed(statements, "dynamodb:Scan", arnOf(events), role);
            assertAllowed(statements, "dynamodb:Scan", arnOf(catalog), role);
            assertAllowed(statements, "s3:PutObject", under(bucket, "/models/CURRENT"), role);
            assertAllowed(
                    statements, "s3:PutObject", under(bucket, "/models/v1/weights.bin"), role);
            assertAllowed(statements, "s3:GetObject", under(bucket, "/models/CURRENT"), role);
            assertAllowed(
                    statements,
                    "s3:PutObject",
                    under(bucket, "/reports/20111210T000000Z/quality.json"),
                    role);
            assertAllowed(statements, "s3:ListBucket", arnOf(bucket), role);
        }
    }

    @Test
    void noPolicyGrantsWildcardActionsOrResources() {
        List<String> holders =
                new ArrayList<>(FUNCTION_MODULES.stream().map(template::functionOf).toList());
        List<String> roles = template.resourcesOfType("AWS::IAM::Role");

        for (String function : holders) {
            template.functionStatements(function).forEach(s -> assertNarrow(function, s));
        }
        for (String role : roles) {
            template.roleStatements(role).forEach(s -> assertNarrow(role, s));
        }
    }

    @Test
    void theRetrainTriggerRunsOnTheScheduleAndItsLedgerTableMatchesTheCode() {
        String function = template.functionOf("retrain-trigger");
        String runs = target(function, "SOLSTICE_RUNS_TABLE");

        List<JsonNode> schedules = new ArrayList<>();
        template.properties(function)
                .path("Events")
                .forEach(
                        e -> {
                            if (e.path("Type").asText().startsWith("Schedule")) {
                                schedules.add(e);
                            }
                        });
        assertThat(schedules).as("schedule events of %s", function).hasSize(1);
        assertThat(SamTemplate.references(schedules.get(0).at("/Properties/ScheduleExpression")))
                .containsExactly("RetrainSchedule");

        JsonNode table = template.properties(runs);
        assertThat(table.at("/KeySchema/0/AttributeName").asText()).isEqualTo(RunLedger.RUN_KEY);
        assertThat(table.at("/KeySchema/0/KeyType").asText()).isEqualTo("HASH");
        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText())
                .isEqualTo(RunLedger.EXPIRES_AT);
    }

    @Test
    void theEventsTableExpiresEventsByTheirTtlAttribute() {
        String events = target(template.functionOf("ingest"), "SOLSTICE_EVENTS_TABLE");

        JsonNode ttl = template.properties(events).path("TimeToLiveSpecification");

        assertThat(ttl.path("AttributeName").asText()).isEqualTo("expiresAt");
        assertThat(ttl.path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void alarmsWatchEveryFunctionsErrorsAndTheRankLatency() {
        List<JsonNode> alarms =
                template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                        .map(template::properties)
                        .toList();

        for (String module : FUNCTION_MODULES) {
            String function = template.functionOf(module);
            assertThat(alarms)
                    .as("Errors alarm of %s", function)
                    .anyMatch(a -> watches(a, "Errors", function));
        }
        String rank = template.functionOf("rank");
        assertThat(alarms)
                .as("p99 Duration alarm of %s", rank)
                .anyMatch(
                        a ->
                                watches(a, "Duration", rank)
                                        && "p99".equals(a.path("ExtendedStatistic").asText()));
        assertThat(SamTemplate.references(template.root().at("/Outputs/ApiUrl/Value")))
                .contains("HttpApi");
    }

    private static boolean watches(JsonNode alarm, String metric, String function) {
        return metric.equals(alarm.path("MetricName").asText())
                && "AWS/Lambda".equals(alarm.path("Namespace").asText())
                && SamTemplate.references(alarm.path("Dimensions")).contains(function)
                && alarm.path("AlarmActions").size() > 0;
    }

    private static void assertNamesResourceOfItsKind(
            String holder, String variable, JsonNode value) {
        Set<String> ids = SamTemplate.references(value);
        assertThat(ids).as("%s %s names a resource", holder, variable).isNotEmpty();
        String kind = expectedType(variable);
        if (kind == null) {
            return;
        }
        for (String id : ids) {
            assertThat(template.type(id)).as("%s %s -> %s", holder, variable, id).isEqualTo(kind);
        }
    }

    private static String expectedType(String variable) {
        if (variable.endsWith("_TABLE")) {
            return "AWS::DynamoDB::Table";
        }
        if (variable.endsWith("_BUCKET")) {
            return "AWS::S3::Bucket";
        }
        if (variable.endsWith("_JOB_QUEUE")) {
            return "AWS::Batch::JobQueue";
        }
        if (variable.endsWith("_JOB_DEFINITION")) {
            return "AWS::Batch::JobDefinition";
        }
        return null;
    }

    private static String resourceRequirement(String definition, String type) {
        for (JsonNode r :
                template.properties(definition).at("/ContainerProperties/ResourceRequirements")) {
            if (type.equals(r.path("Type").asText())) {
                return r.path("Value").asText();
            }
        }
        return null;
    }

    /** The one resource a function's variable names. */
    private static String target(String function, String variable) {
        JsonNode value = template.environment(function).get(variable);
        assertThat(value).as("%s environment variable %s", function, variable).isNotNull();
        return single(value);
    }

    private static String single(JsonNode value) {
        Set<String> ids = SamTemplate.references(value);
        assertThat(ids).as("resources named by %s", value).hasSize(1);
        return ids.iterator().next();
    }

    private static void assertAllowed(
            List<JsonNode> statements, String action, Predicate<JsonNode> resource, String holder) {
        boolean allowed =
                statements.stream()
                        .filter(s -> "Allow".equals(s.path("Effect").asText()))
                        .filter(s -> strings(s.path("Action")).contains(action))
                        .anyMatch(
                                s ->
                                        elements(s.path("Resource")).stream()
                                                .anyMatch(
                                                        resource.or(r -> "*".equals(r.asText()))));
        assertThat(allowed)
                .as("%s may %s on %s; its statements: %s", holder, action, resource, statements)
                .isTrue();
    }

    private static void assertNarrow(String holder, JsonNode statement) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return;
        }
        List<String> actions = strings(statement.path("Action"));
        assertThat(actions)
                .as("%s statement %s", holder, statement)
                .noneMatch(a -> WILDCARD_ACTION.matcher(a).matches());
        boolean anyResource =
                elements(statement.path("Resource")).stream().anyMatch(r -> "*".equals(r.asText()));
        if (anyResource) {
            assertThat(ACTIONS_WITHOUT_RESOURCES)
                    .as("%s: Resource * only for %s", holder, ACTIONS_WITHOUT_RESOURCES)
                    .containsAll(actions);
        }
    }

    /** An ARN of the resource: GetAtt Arn or a Sub of exactly ${Id.Arn}. */
    private static Predicate<JsonNode> arnOf(String id) {
        return describe(
                "ARN of " + id,
                r ->
                        (r.has("Fn::GetAtt")
                                        && id.equals(r.get("Fn::GetAtt").path(0).asText())
                                        && "Arn".equals(r.get("Fn::GetAtt").path(1).asText()))
                                || ("${" + id + ".Arn}").equals(r.path("Fn::Sub").asText()));
    }

    /** A Sub of ${Id.Arn} followed by a pattern that covers the given path. */
    private static Predicate<JsonNode> under(String id, String path) {
        String start = "${" + id + ".Arn}";
        return describe(
                start + path,
                r -> {
                    String sub = r.path("Fn::Sub").asText();
                    return sub.startsWith(start)
                            && glob(sub.substring(start.length())).matcher(path).matches();
                });
    }

    private static Predicate<JsonNode> sameAs(JsonNode expression) {
        return describe("the same as " + expression, expression::equals);
    }

    private static Predicate<JsonNode> any() {
        return describe("*", r -> "*".equals(r.asText()));
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    private static Predicate<JsonNode> describe(String text, Predicate<JsonNode> test) {
        return new Predicate<>() {
            @Override
            public boolean test(JsonNode node) {
                return test.test(node);
            }

            @Override
            public String toString() {
                return text;
            }
        };
    }

    private static List<String> strings(JsonNode node) {
        return elements(node).stream().map(JsonNode::asText).toList();
    }

    private static List<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            node.forEach(list::add);
            return list;
        }
        return node.isMissingNode() ? List.of() : List.of(node);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
