package io.solstice.rank.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.event.FieldError;
import io.solstice.event.JsonSyntax;
import io.solstice.event.Validated;
import io.solstice.http.lambda.LambdaStreamHandler;
import io.solstice.rank.ErrorBody;
import io.solstice.rank.RankRequest;
import io.solstice.rank.RankRequestReader;
import io.solstice.rank.RankService;
import io.solstice.rank.model.ModelUnavailableException;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The rank API on API Gateway HTTP API events (payload 2.0): {@code POST /rank} with a JSON body,
 * answered with a 2.0 response whose body is a {@link io.solstice.rank.RankResponse} or an {@link
 * ErrorBody}. Other payloads reach it translated by {@link RankLambdaHandler}.
 *
 * <p>Bad input gets a 4xx naming the field, what was expected and what arrived, never a 500: a
 * wrong path is a 404, another method a 405, a body over {@value #MAX_BODY_BYTES} bytes a 413,
 * malformed JSON a 400 saying where it breaks. A missing model or an unavailable store is a 503, a
 * deployment error a 500 naming the setting to fix.
 */
@Singleton
public class RankHttpApi implements LambdaStreamHandler {

    /** The one route, as API Gateway's route key writes it. */
    public static final String ROUTE = "POST /rank";

    /**
     * The largest body read, in bytes. A rank request is a small object; the largest valid one (a
     * thousand rerank candidates with long ids) stays well under this.
     */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = Logger.getLogger(RankHttpApi.class);

    private static final String PATH = ROUTE.substring(ROUTE.indexOf(' ') + 1);

    private static final String ROUTES = "the rank API has " + ROUTE;

    private final ObjectMapper json;

    /** Reads a body; text after the JSON value makes it malformed, as two objects would be. */
    private final ObjectReader bodies;

    private final RankRequestReader reader;

    private final RankService service;

    @Inject
    RankHttpApi(ObjectMapper json, RankRequestReader reader, RankService service) {
        this.json = json;
        this.bodies = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.reader = reader;
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        ObjectNode response = answer(json.readTree(input));
        output.write(json.writeValueAsBytes(response));
        output.flush();
    }

    /** The 2.0 response to one 2.0 event. */
    ObjectNode answer(JsonNode event) {
        String method = event.path("requestContext").path("http").path("method").asText("");
        String path = routePath(event);

        if (!PATH.equals(path)) {
            return error(404, "no function at " + method + " " + path + "; " + ROUTES);
        }
        if (!"POST".equals(method.toUpperCase(Locale.ROOT))) {
            ObjectNode response =
                    error(405, "method " + method + " is not allowed on " + path + "; " + ROUTES);
            response.withObjectProperty("headers").put("allow", "POST");
            return response;
        }

        byte[] body = body(event);
        if (body.length > MAX_BODY_BYTES) {
            return error(
                    413,
                    "the body is too large ("
                            + body.length
                            + " bytes, at most "
                            + MAX_BODY_BYTES
                            + "); a rank request is a small JSON object");
        }
        return rank(body);
    }

    private ObjectNode rank(byte[] body) {
        JsonNode tree;
        try {
            tree = body.length == 0 ? null : bodies.readTree(body);
        } catch (JsonProcessingException e) {
            return badFields(
                    List.of(
                            new FieldError(
                                    "body", RankRequestReader.BODY_SHAPE, JsonSyntax.describe(e))));
        } catch (IOException e) {
            String got = "an unreadable body (" + e.getMessage() + ")";
            return badFields(List.of(new FieldError("body", RankRequestReader.BODY_SHAPE, got)));
        }

        Validated<RankRequest> request = reader.read(tree);
        if (!request.isValid()) {
            return badFields(request.errors());
        }
        try {
            return response(200, service.rank(request.value()));
        } catch (ModelUnavailableException unavailable) {
            int status =
                    unavailable.kind() == ModelUnavailableException.Kind.MISSING_BUCKET ? 500 : 503;
            return error(status, unavailable.getMessage());
        } catch (RuntimeException failure) {
            return storeOrInternal(failure);
        }
    }

    private ObjectNode storeOrInternal(RuntimeException failure) {
        if (failure instanceof MissingResourceException missing) {
            LOG.errorf(failure, "rank misconfigured resource=%s", missing.resource());
            return error(
                    500,
                    "the function is misconfigured: "
                            + failure.getMessage()
                            + "; check SOLSTICE_EVENTS_TABLE (solstice.events-table)");
        }
        if (failure instanceof StoreException) {
            LOG.errorf(failure, "rank history read failed");
            return error(
                    503,
                    "the shopper history store is unavailable, try again shortly: "
                            + failure.getMessage());
        }
        LOG.errorf(failure, "rank failed unexpectedly");
        return error(500, "internal error");
    }

    /**
     * The request path without the stage: an HTTP API stage other than {@code $default} prefixes
     * its name to the path ({@code /prod/rank}).
     */
    private static String routePath(JsonNode event) {
        String path = event.path("rawPath").asText("");
        if (path.isEmpty()) {
            path = event.path("requestContext").path("http").path("path").asText("");
        }
        String stage = event.path("requestContext").path("stage").asText("$default");
        String prefix = "/" + stage + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length() - 1) : path;
    }

    /**
     * The body's bytes; {@link io.solstice.http.lambda.ApiGatewayAdapter} has already refused a
     * body flagged base64 that is not.
     */
    private static byte[] body(JsonNode event) {
        String text = event.path("body").isTextual() ? event.path("body").textValue() : "";
        if (event.path("isBase64Encoded").asBoolean(false)) {
            return Base64.getDecoder().decode(text);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode badFields(List<FieldError> errors) {
        ErrorBody body = ErrorBody.badFields(errors);
        LOG.infof("rank request rejected errors=%s", body.error());
        return response(400, body);
    }

    private ObjectNode error(int status, String sentence) {
        if (status < 500) {
            LOG.infof("rank request refused status=%d error=%s", status, sentence);
        }
        return response(status, ErrorBody.of(sentence));
    }

    private ObjectNode response(int status, Object body) {
        ObjectNode response = json.createObjectNode();
        response.put("statusCode", status);
        response.putObject("headers").put("content-type", "application/json");
        try {
            response.put("body", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "rank response could not be written status=%d", status);
            response.put("statusCode", 500);
            response.put(
                    "body", "{\"error\":\"internal error: the response could not be written\"}");
        }
        response.put("isBase64Encoded", false);
        return response;
    }
}
