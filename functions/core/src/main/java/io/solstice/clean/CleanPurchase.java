package io.solstice.clean;

import java.time.LocalDate;

/**
 * A purchase that passed every {@link CleaningRule}: a known shopper bought a positive quantity of
 * a product at a positive price.
 *
 * @param eventId the id of the event it came from
 * @param userId the shopper
 * @param itemId the product
 * @param localDate the shopper's local date of purchase
 * @param quantity units bought, after any capping of extreme quantities
 * @param unitPrice price of one unit
 * @param country the shopper's country as sent by the storefront
 */
public record CleanPurchase(
        String eventId,
        String userId,
        String itemId,
        LocalDate localDate,
        int quantity,
        double unitPrice,
        String country) {}
