package io.solstice.model;

/**
 * What the rank function shows of an item: its title and category as known at training time.
 *
 * @param itemId the storefront's id
 * @param title display title
 * @param category category, or {@code null}
 */
public record CatalogEntry(String itemId, String title, String category) {}
