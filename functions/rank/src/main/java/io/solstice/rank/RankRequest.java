package io.solstice.rank;

import java.time.LocalDate;

/**
 * A checked {@code POST /rank} request.
 *
 * @param userId the shopper, or {@code null} for a guest (ranked without a personal history)
 * @param date the day to rank for; purchases before it are history
 * @param country the shopper's country as sent (ISO code or English name), or {@code null} to use
 *     the country of the shopper's latest event
 * @param count how many items to return, 1 to {@value #MAX_COUNT}
 * @param excludePurchased whether items in the shopper's purchase history are left out
 */
public record RankRequest(
        String userId, LocalDate date, String country, int count, boolean excludePurchased) {

    /** Items returned when the request does not say. */
    public static final int DEFAULT_COUNT = 10;

    /** The most items one request may ask for. */
    public static final int MAX_COUNT = 100;

    /** Whether the request is for a guest, without a user id. */
    public boolean isGuest() {
        return userId == null;
    }
}
