package io.solstice.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.solstice.ingest.CatalogIngest;
import io.solstice.ingest.EventIngest;
import io.solstice.ingest.ForgetResponse;
import io.solstice.ingest.IngestResponse;
import io.solstice.ingest.UserForget;
import jakarta.inject.Inject;

/**
 * The ingest API as Funqy functions, served over HTTP and, in Lambda, behind an API Gateway HTTP
 * API (payload 2.0): {@code POST /events}, {@code POST /catalog} and {@code POST /users/forget}.
 * The body is taken as a JSON tree so that every field problem is reported by our validators rather
 * than by data binding.
 */
public class IngestFunctions {

    private final EventIngest events;

    private final CatalogIngest catalog;

    private final UserForget forget;

    private final ResponseStatus status;

    @Inject
    IngestFunctions(
            EventIngest events, CatalogIngest catalog, UserForget forget, ResponseStatus status) {
        this.events = events;
        this.catalog = catalog;
        this.forget = forget;
        this.status = status;
    }

    /**
     * Stores a batch of interaction events: {@code {"events":[{eventId, type, userId, itemId,
     * quantity, unitPrice, timestamp, country, orderId, query, rating}, ...]}}, at most 500. The
     * types are view, click, add_to_cart, remove_from_cart, purchase, return, search (with {@code
     * query}) and rating (with {@code rating}, 1 to 5); see {@code InteractionValidator}.
     *
     * @return per event accepted, duplicate or rejected with errors, and totals; the HTTP status is
     *     200, 207 (some rejected) or 400 (none usable)
     */
    @Funq("events")
    public IngestResponse events(JsonNode body) {
        return status.apply(events.ingest(body));
    }

    /**
     * Inserts or replaces catalogue items: {@code {"items":[{itemId, title, description, category,
     * price, inStock}, ...]}}, at most 500.
     *
     * @return per item accepted or rejected with errors, and totals; status as for events
     */
    @Funq("catalog")
    public IngestResponse catalog(JsonNode body) {
        return status.apply(catalog.ingest(body));
    }

    /**
     * Forgets a shopper (a privacy request): {@code {"userId":"17850"}} deletes every stored event
     * of theirs. Deployed behind IAM authorisation, unlike the storefront routes.
     *
     * @return the user id and how many events were deleted; 400 naming the field when the body does
     *     not name a shopper
     */
    @Funq("users/forget")
    public ForgetResponse forgetUser(JsonNode body) {
        UserForget.Answer<ForgetResponse> answer = forget.forget(body);
        return status.apply(answer.status(), answer.body());
    }
}
