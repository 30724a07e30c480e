package io.solstice.event;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One thing a shopper did on a storefront, as accepted by the ingest function.
 *
 * @param eventId the storefront's unique id for this event; an id is stored once however often it
 *     is sent
 * @param type what happened
 * @param userId the shopper, or {@code null} for a guest checkout
 * @param itemId the catalogue item (stock code)
 * @param quantity units; negative for some returns and adjustments
 * @param unitPrice price of one unit in the shop's currency
 * @param occurredAt when it happened, with the shopper's UTC offset (the local date drives the
 *     season features)
 * @param country the shopper's country, as an ISO 3166 alpha-2 code or an English name
 * @param orderId the invoice or order the event belongs to, or {@code null}
 * @param query the search text of a {@link InteractionType#SEARCH}, else {@code null}
 * @param rating the stars of a {@link InteractionType#RATING}, 1 to 5, else {@code null}
 */
public record Interaction(
        String eventId,
        InteractionType type,
        String userId,
        String itemId,
        int quantity,
        double unitPrice,
        OffsetDateTime occurredAt,
        String country,
        String orderId,
        String query,
        Integer rating) {

    public Interaction {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** An event without search text or rating (every type but search and rating). */
    public Interaction(
            String eventId,
            InteractionType type,
            String userId,
            String itemId,
            int quantity,
            double unitPrice,
            OffsetDateTime occurredAt,
            String country,
            String orderId) {
        this(
                eventId,
                type,
                userId,
                itemId,
                quantity,
                unitPrice,
                occurredAt,
                country,
                orderId,
                null,
                null);
    }

    /** True when the shopper checked out without an account. */
    public boolean isGuest() {
        return userId == null || userId.isBlank();
    }
}
