package io.solstice.retrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the AWS Batch API, enough for the trigger: {@code POST /v1/submitjob} and
 * {@code POST /v1/listjobs}, as the AWS SDK sends them (REST-JSON, SigV4-signed for service {@code
 * batch}). Every request is checked as Batch would and more strictly (known fields only, the
 * configured queue and definition, the training window variable); a request that fails a check is
 * answered with a {@code ClientException} and recorded as a problem.
 *
 * <p>Tests read and steer it over HTTP, so that it works whichever class loader the test runs in:
 * {@code GET /_standin/state} returns the accepted SubmitJob bodies, the ListJobs count and the
 * problems; {@code POST /_standin/fail-submits} with {@code {"count":n}} refuses the next n
 * submissions; {@code POST /_standin/jobs} with {@code {"jobName":...}} adds a job as if submitted
 * earlier.
 */
final class BatchStandIn implements AutoCloseable {

    static final String JOB_QUEUE =
            "arn:aws:batch:us-east-1:123456789012:job-queue/solstice-train-gpu-test";
    static final String JOB_DEFINITION =
            "arn:aws:batch:us-east-1:123456789012:job-definition/solstice-train-gpu-test:3";

    private static final Set<String> SUBMIT_FIELDS =
            Set.of(
                    "jobName",
                    "jobQueue",
                    "shareIdentifier",
                    "schedulingPriorityOverride",
                    "arrayProperties",
                    "dependsOn",
                    "jobDefinition",
                    "parameters",
                    "containerOverrides",
                    "nodeOverrides",
                    "retryStrategy",
                    "propagateTags",
                    "timeout",
                    "tags",
                    "eksPropertiesOverride",
                    "ecsPropertiesOverride",
                    "consumableResourcePropertiesOverride");
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final Pattern SIGV4 =
            Pattern.compile(
                    "AWS4-HMAC-SHA256 Credential=\\w+/\\d{8}/us-east-1/batch/aws4_request,"
                            + " SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<ObjectNode> jobs = new ArrayList<>();
    private final List<JsonNode> accepted = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int listCalls;
    private int refuseSubmits;

    private BatchStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free loopback port. */
    static BatchStandIn start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BatchStandIn standIn = new BatchStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint to give the Batch client. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                switch (exchange.getRequestMethod() + " " + path) {
                    case "POST /v1/submitjob" -> submitJob(exchange, body);
                    case "POST /v1/listjobs" -> listJobs(exchange, body);
                    case "GET /_standin/state" -> send(exchange, 200, state());
                    case "POST /_standin/fail-submits" -> {
                        refuseSubmits = JSON.readTree(body).path("count").asInt();
                        send(exchange, 200, JSON.createObjectNode());
                    }
                    case "POST /_standin/jobs" -> {
                        jobs.add(job(JSON.readTree(body).path("jobName").asText()));
                        send(exchange, 200, JSON.createObjectNode());
                    }
                    default ->
                            refuse(exchange, 404, "UnknownOperationException", "no route " + path);
                }
            }
        }
    }

    private void submitJob(HttpExchange exchange, byte[] raw) throws IOException {
        List<String> found = new ArrayList<>(signatureProblems(exchange));
        JsonNode body = JSON.readTree(raw);
        found.addAll(submitProblems(body));
        if (!found.isEmpty()) {
            problems.addAll(found);
            refuse(exchange, 400, "ClientException", String.join("; ", found));
            return;
        }
        if (refuseSubmits > 0) {
            refuseSubmits--;
            refuse(exchange, 400, "ClientException", "JobQueue " + JOB_QUEUE + " is disabled");
            return;
        }

        accepted.add(body);
        ObjectNode job = job(body.get("jobName").asText());
        jobs.add(job);
        ObjectNode response = JSON.createObjectNode();
        response.put("jobArn", job.get("jobArn").asText());
        response.put("jobName", job.get("jobName").asText());
        response.put("jobId", job.get("jobId").asText());
        send(exchange, 200, response);
    }

    private static List<String> submitProblems(JsonNode body) {
        List<String> found = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUBMIT_FIELDS.contains(name)) {
                found.add("unknown SubmitJob field " + name);
            }
        }
        if (!JOB_NAME.matcher(body.path("jobName").asText()).matches()) {
            found.add("jobName " + body.get("jobName") + " is not a valid Batch job name");
        }
        if (!JOB_QUEUE.equals(body.path("jobQueue").asText())) {
            found.add("jobQueue " + body.get("jobQueue") + " is not " + JOB_QUEUE);
        }
        if (!JOB_DEFINITION.equals(body.path("jobDefinition").asText())) {
            found.add("jobDefinition " + body.get("jobDefinition") + " is not " + JOB_DEFINITION);
        }
        String asOf = environment(body, "SOLSTICE_TRAIN_AS_OF");
        if (asOf == null || !DATE.matcher(asOf).matches()) {
            found.add("containerOverrides.environment SOLSTICE_TRAIN_AS_OF is " + asOf);
        }
        return found;
    }

    /** The value of one variable in a SubmitJob body's container overrides, or null. */
    static String environment(JsonNode submitBody, String name) {
        for (JsonNode variable : submitBody.path("containerOverrides").path("environment")) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("value").asText();
            }
        }
        return null;
    }

    private void listJobs(HttpExchange exchange, byte[] raw) throws IOException {
        List<String> found = new ArrayList<>(signatureProblems(exchange));
        JsonNode body = JSON.readTree(raw);
        if (!JOB_QUEUE.equals(body.path("jobQueue").asText())) {
            found.add("listjobs jobQueue " + body.get("jobQueue") + " is not " + JOB_QUEUE);
        }
        JsonNode filter = body.path("filters").path(0);
        if (!"JOB_NAME".equals(filter.path("name").asText())) {
            found.add("listjobs without a JOB_NAME filter: " + body);
        }
        if (!found.isEmpty()) {
            problems.addAll(found);
            refuse(exchange, 400, "ClientException", String.join("; ", found));
            return;
        }

        listCalls++;
        String name = filter.path("values").path(0).asText();
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("jobSummaryList");
        jobs.stream().filter(job -> name.equals(job.get("jobName").asText())).forEach(list::add);
        send(exchange, 200, response);
    }

    private static List<String> signatureProblems(HttpExchange exchange) {
        List<String> found = new ArrayList<>();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            found.add("Content-Type is " + contentType + ", not application/json");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !SIGV4.matcher(authorization).matches()) {
            found.add("Authorization is not SigV4 for batch in us-east-1: " + authorization);
        }
        if (exchange.getRequestHeaders().getFirst("X-Amz-Date") == null) {
            found.add("X-Amz-Date is missing");
        }
        return found;
    }

    private ObjectNode state() {
        ObjectNode state = JSON.createObjectNode();
        state.putArray("submitted").addAll(accepted);
        state.put("listJobsCalls", listCalls);
        ArrayNode problemList = state.putArray("problems");
        problems.forEach(problemList::add);
        return state;
    }

    private static ObjectNode job(String jobName) {
        String id = UUID.randomUUID().toString();
        ObjectNode job = JSON.createObjectNode();
        job.put("jobArn", "arn:aws:batch:us-east-1:123456789012:job/" + id);
        job.put("jobId", id);
        job.put("jobName", jobName);
        job.put("createdAt", System.currentTimeMillis());
        job.put("status", "SUBMITTED");
        return job;
    }

    private static void refuse(HttpExchange exchange, int status, String type, String message)
            throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        ObjectNode body = JSON.createObjectNode();
        body.put("message", message);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
