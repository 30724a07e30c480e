package io.solstice.http.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/** The kinds of Lambda payload an HTTP function is asked to handle. */
public enum PayloadShape {

    /** API Gateway HTTP API, payload format 2.0: what Quarkus' lambda-http handler reads. */
    HTTP_API,

    /**
     * API Gateway REST API proxy integration, and HTTP API payload format 1.0, which has the same
     * fields ({@code httpMethod}, {@code path}, {@code headers}, {@code body}...).
     */
    REST_API,

    /** A plain JSON payload sent straight to the function (console, CLI, SDK, another service). */
    DIRECT,

    /** Anything else: another service's event, a JSON value that is not an object. */
    UNKNOWN;

    /**
     * Recognises a payload by the fields API Gateway always sends.
     *
     * @param payload the invocation's JSON
     * @param routes which payloads count as direct invokes
     */
    public static PayloadShape of(JsonNode payload, DirectRoutes routes) {
        if (!payload.isObject()) {
            return UNKNOWN;
        }
        if ("2.0".equals(payload.path("version").asText())
                && payload.path("requestContext").path("http").isObject()) {
            return HTTP_API;
        }
        if (payload.path("httpMethod").isTextual() && payload.path("path").isTextual()) {
            return REST_API;
        }
        if (isOtherAwsEvent(payload)) {
            return UNKNOWN;
        }
        return routes.pathFor(payload).isPresent() ? DIRECT : UNKNOWN;
    }

    /** An event another AWS service sends (SQS, SNS, S3, EventBridge), never a direct invoke. */
    static boolean isOtherAwsEvent(JsonNode payload) {
        return payload.path("Records").isArray()
                || payload.has("detail-type")
                || payload.has("requestContext");
    }
}
