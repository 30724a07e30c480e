package io.solstice.ingest.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.solstice.ingest.IngestOutcome;
import io.solstice.ingest.IngestResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Carries a function's HTTP status to the response. Funqy always answers 200 for a returned value,
 * so the status is left on the current request and {@link HttpRoutes} applies it when the headers
 * are written.
 */
@ApplicationScoped
public class ResponseStatus {

    /** Routing context key holding the status to send. */
    static final String KEY = "solstice.status";

    private final CurrentVertxRequest request;

    @Inject
    ResponseStatus(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Records the outcome's status for the current request and returns its body. */
    public IngestResponse apply(IngestOutcome outcome) {
        return apply(outcome.status(), outcome.body());
    }

    /** Records a status for the current request and returns the body. */
    public <T> T apply(int status, T body) {
        RoutingContext context = request.getCurrent();
        if (context != null) {
            context.put(KEY, status);
        }
        return body;
    }
}
