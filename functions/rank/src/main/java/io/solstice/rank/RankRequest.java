package io.solstice.rank;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked {@code POST /rank} request.
 *
 * @param userId the shopper, or {@code null} for a guest (ranked without a personal history)
 * @param date the day to rank for; purchases before it are history
 * @param country the shopper's country as sent (ISO code or English name), or {@code null} to use
 *     the country of the shopper's latest event
 * @param count how many items to return, 1 to {@value #MAX_COUNT} ({@value #MAX_CANDIDATES} for
 *     {@link Placement#RERANK}, where the default is every candidate)
 * @param excludePurchased whether items in the shopper's purchase history are left out
 * @param placement which items are candidates
 * @param candidates for {@link Placement#RERANK}: the item ids to reorder, at most {@value
 *     #MAX_CANDIDATES}; empty otherwise
 * @param items for {@link Placement#RELATED}: the item ids whose neighbours are candidates, at most
 *     {@value #MAX_COUNT}; empty otherwise
 * @param exclude item ids never returned, e.g. the cart's; empty for none
 * @param category only items of this catalogue category (case-insensitive), or {@code null}
 * @param minPrice lowest price, or {@code null} for no bound
 * @param maxPrice highest price, or {@code null} for no bound
 * @param maxPerCategory the most items of one category returned, 0 for no cap
 * @param boost per item id, a factor on the item's odds: above 1 boosts, below 1 buries
 * @param cart item ids in the shopper's cart, never returned; empty for none
 * @param inStockOnly whether items the catalogue snapshot marks out of stock are left out
 * @param pin item id to the position (from 1) it is placed at, whatever its score; empty for none
 * @param buryItems item ids returned only after every other item; empty for none
 * @param buryCategories categories (case-insensitive) whose items come only after every other item;
 *     empty for none
 * @param boostCategories per category (case-insensitive), a factor on its items' odds, combined
 *     with {@code boost} by multiplication
 */
public record RankRequest(
        String userId,
        LocalDate date,
        String country,
        int count,
        boolean excludePurchased,
        Placement placement,
        List<String> candidates,
        List<String> items,
        Set<String> exclude,
        String category,
        Double minPrice,
        Double maxPrice,
        int maxPerCategory,
        Map<String, Double> boost,
        Set<String> cart,
        boolean inStockOnly,
        Map<String, Integer> pin,
        Set<String> buryItems,
        Set<String> buryCategories,
        Map<String, Double> boostCategories) {

    /** Items returned when the request does not say. */
    public static final int DEFAULT_COUNT = 10;

    /** The most items one request may ask for. */
    public static final int MAX_COUNT = 100;

    /** The most candidates a rerank request may send, and the most ids it may exclude. */
    public static final int MAX_CANDIDATES = 1000;

    public RankRequest {
        candidates = List.copyOf(candidates);
        items = List.copyOf(items);
        exclude = Set.copyOf(exclude);
        boost = Map.copyOf(boost);
        cart = Set.copyOf(cart);
        pin = Map.copyOf(pin);
        buryItems = Set.copyOf(buryItems);
        buryCategories = Set.copyOf(buryCategories);
        boostCategories = Map.copyOf(boostCategories);
    }

    /** A {@link Placement#FOR_YOU} request without filters or rules. */
    public RankRequest(
            String userId, LocalDate date, String country, int count, boolean excludePurchased) {
        this(
                userId,
                date,
                country,
                count,
                excludePurchased,
                Placement.FOR_YOU,
                List.of(),
                List.of(),
                Set.of(),
                null,
                null,
                null,
                0,
                Map.of(),
                Set.of(),
                true,
                Map.of(),
                Set.of(),
                Set.of(),
                Map.of());
    }

    /** Whether the request is for a guest, without a user id. */
    public boolean isGuest() {
        return userId == null;
    }

    /** Whether an item id is never returned: excluded or in the cart. */
    public boolean leavesOut(String itemId) {
        return exclude.contains(itemId) || cart.contains(itemId);
    }

    /** Whether a price bound was asked for. */
    public boolean hasPriceFilter() {
        return minPrice != null || maxPrice != null;
    }
}
