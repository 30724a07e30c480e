package io.solstice.rank.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.runtime.ApplicationException;
import io.solstice.event.FieldError;
import io.solstice.event.JsonSyntax;
import io.solstice.rank.BadRankRequestException;
import io.solstice.rank.ErrorBody;
import io.solstice.rank.model.ModelUnavailableException;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Vert.x routes around the Funqy function: every failure becomes a JSON {@link ErrorBody}. Bad
 * input gets a 4xx naming the field, expectation and value, never a 500: malformed JSON (which
 * Funqy rejects before our code runs) becomes a 400 saying where the JSON breaks. A missing model
 * or an unavailable store is a 503, a deployment error a 500 naming the setting to fix.
 */
@ApplicationScoped
public class RankRoutes {

    private static final Logger LOG = Logger.getLogger(RankRoutes.class);

    private static final String ROUTES = "the rank API has POST /rank";

    private final ObjectMapper json;

    @Inject
    RankRoutes(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
        router.route("/rank").order(Integer.MIN_VALUE).handler(this::onlyPost);
        router.route().order(Integer.MAX_VALUE - 1).handler(context -> clientError(context, 404));
    }

    private void onlyPost(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST) {
            context.next();
        } else {
            context.response().putHeader("Allow", "POST");
            clientError(context, 405);
        }
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
        } else if (cause instanceof BadRankRequestException bad) {
            LOG.infof("rank request rejected errors=%s", bad.getMessage());
            respond(context, 400, ErrorBody.badFields(bad.errors()));
        } else if (cause instanceof ModelUnavailableException unavailable) {
            modelUnavailable(context, unavailable);
        } else {
            storeOrInternal(context, cause);
        }
    }

    private void modelUnavailable(RoutingContext context, ModelUnavailableException e) {
        int status = e.kind() == ModelUnavailableException.Kind.MISSING_BUCKET ? 500 : 503;
        send(context, status, e.getMessage());
    }

    private void storeOrInternal(RoutingContext context, Throwable cause) {
        if (cause instanceof MissingResourceException missing) {
            LOG.errorf(cause, "rank misconfigured resource=%s", missing.resource());
            send(
                    context,
                    500,
                    "the function is misconfigured: "
                            + cause.getMessage()
                            + "; check SOLSTICE_EVENTS_TABLE (solstice.events-table)");
        } else if (cause instanceof StoreException) {
            LOG.errorf(cause, "rank history read failed");
            send(
                    context,
                    503,
                    "the shopper history store is unavailable, try again shortly: "
                            + cause.getMessage());
        } else {
            LOG.errorf(cause, "rank failed unexpectedly path=%s", context.request().path());
            send(context, 500, "internal error");
        }
    }

    private void unreadableBody(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        String problem = jsonProblem(body);
        if (problem == null) {
            LOG.errorf("rank response could not be written path=%s", context.request().path());
            send(context, 500, "internal error: the response could not be written");
            return;
        }

        String shape = "a JSON object such as {\"userId\":\"17850\",\"count\":10}";
        FieldError error = new FieldError("body", shape, problem);
        LOG.infof("rank request rejected errors=%s", error.message());
        respond(context, 400, ErrorBody.badFields(List.of(error)));
    }

    /** What is wrong with the body as JSON, or null when it is valid JSON. */
    private String jsonProblem(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            json.readTree(body.getBytes());
            return null;
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
                    case 413 -> "the body is too large; a rank request is a small JSON object";
                    default -> "the request failed with status " + status;
                };
        send(context, status > 0 ? status : 500, message);
    }

    private void send(RoutingContext context, int status, String error) {
        respond(context, status, ErrorBody.of(error));
    }

    private void respond(RoutingContext context, int status, ErrorBody body) {
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
