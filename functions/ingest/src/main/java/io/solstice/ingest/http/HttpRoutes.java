package io.solstice.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.runtime.ApplicationException;
import io.solstice.event.FieldError;
import io.solstice.event.JsonSyntax;
import io.solstice.ingest.IngestResponse;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Vert.x routes around the Funqy functions: applies the status a function chose (see {@link
 * ResponseStatus}) and turns every failure into a JSON body. Bad input gets a 4xx naming the
 * problem, never a 500: malformed JSON (which Funqy rejects before our code runs) becomes a 400
 * saying where the JSON breaks.
 */
@ApplicationScoped
public class HttpRoutes {

    private static final Logger LOG = Logger.getLogger(HttpRoutes.class);

    private static final String ROUTES =
            "the ingest API has POST /events, POST /catalog and POST /users/forget";

    private final ObjectMapper json;

    @Inject
    HttpRoutes(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpRoutes::applyChosenStatus);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
        router.route().order(Integer.MAX_VALUE - 1).handler(context -> clientError(context, 404));
    }

    private static void applyChosenStatus(RoutingContext context) {
        context.addHeadersEndHandler(
                ignored -> {
                    Integer status = context.get(ResponseStatus.KEY);
                    if (status != null && context.response().getStatusCode() == 200) {
                        context.response().setStatusCode(status);
                    }
                });
        context.next();
    }

    private void answerFailure(RoutingContext context) {
        Throwable failure = context.failure();
        Throwable cause =
                failure instanceof ApplicationException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;

        if (cause == null && context.statusCode() == 400) {
            unreadableBody(context);
        } else if (cause == null) {
            clientError(context, context.statusCode());
        } else if (cause instanceof MissingResourceException missing) {
            LOG.errorf(cause, "ingest misconfigured resource=%s", missing.resource());
            send(
                    context,
                    500,
                    "the function is misconfigured: "
                            + cause.getMessage()
                            + "; check SOLSTICE_EVENTS_TABLE and SOLSTICE_CATALOG_TABLE");
        } else if (cause instanceof StoreException) {
            LOG.errorf(cause, "ingest storage failed");
            send(
                    context,
                    503,
                    "storage is unavailable; resending the same batch is safe (events are stored once by"
                            + " id, catalog items are replaced): "
                            + cause.getMessage());
        } else {
            LOG.errorf(cause, "ingest failed unexpectedly path=%s", context.request().path());
            send(context, 500, "internal error");
        }
    }

    private void unreadableBody(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        String problem = jsonProblem(body);
        if (problem == null) {
            LOG.errorf("ingest response could not be written path=%s", context.request().path());
            send(context, 500, "internal error: the response could not be written");
            return;
        }

        String shape = "a JSON object such as " + example(context.request().path());
        FieldError error = new FieldError("body", shape, problem);
        LOG.infof(
                "ingest batch unreadable path=%s error=%s",
                context.request().path(), error.message());
        respond(
                context,
                400,
                IngestResponse.unreadable("the body is not valid JSON", List.of(error)));
    }

    /** What a valid body of a route looks like. */
    private static String example(String path) {
        if (path.endsWith("/catalog")) {
            return "{\"items\":[...]}";
        }
        return path.endsWith("/users/forget") ? "{\"userId\":\"17850\"}" : "{\"events\":[...]}";
    }

    /** What is wrong with the body as JSON, or null when it is valid JSON. */
    private String jsonProblem(Buffer body) {
        if (body == null || body.length() == 0) {
            return "an empty body";
        }
        try {
            return json.readTree(body.getBytes()) == null ? "an empty body" : null;
        } catch (JsonProcessingException e) {
            return JsonSyntax.describe(e);
        } catch (IOException e) {
            return "an unreadable body (" + e.getMessage() + ")";
        }
    }

    private void clientError(RoutingContext context, int status) {
        String method = context.request().method().name();
        String path = context.request().path();
        String message =
                switch (status) {
                    case 404 -> "no function at " + method + " " + path + "; " + ROUTES;
                    case 405 -> "method " + method + " is not allowed on " + path + "; " + ROUTES;
                    case 413 ->
                            "the body is over 6 MB, AWS Lambda's limit for one request; send fewer"
                                    + " records per request (at most 500)";
                    default -> "the request failed with status " + status;
                };
        send(context, status > 0 ? status : 500, message);
    }

    private void send(RoutingContext context, int status, String error) {
        respond(context, status, IngestResponse.unreadable(error, List.of()));
    }

    private void respond(RoutingContext context, int status, IngestResponse body) {
        try {
            context.remove(ResponseStatus.KEY);
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
