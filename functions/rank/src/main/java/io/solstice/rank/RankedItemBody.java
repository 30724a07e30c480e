package io.solstice.rank;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One ranked item as it appears in a response.
 *
 * @param rank position in the list, from 1
 * @param itemId the storefront's item id
 * @param title the item's title in the model's catalogue snapshot, or the item id when the snapshot
 *     has none
 * @param score the ranker's score; only the order matters, values are not comparable across models
 * @param reason the {@link io.solstice.score.ReasonCode} name of the term that lifted the item
 *     most, e.g. {@code BUY_AGAIN} or {@code IN_SEASON}
 * @param explanation a sentence for the shopper, e.g. naming the holiday
 */
@RegisterForReflection
public record RankedItemBody(
        int rank, String itemId, String title, float score, String reason, String explanation) {}
