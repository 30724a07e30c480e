package io.solstice.rank;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One ranked item as it appears in a response.
 *
 * @param rank position in the list, from 1
 * @param itemId the storefront's item id
 * @param title the item's title in the model's catalogue snapshot, or the item id when the snapshot
 *     has none
 * @param category the item's category in the catalogue snapshot, or {@code null}
 * @param score the ranker's score, boosts included; only the order matters, values are not
 *     comparable across models; {@code null} for a rerank candidate the model does not know
 * @param reason the {@link io.solstice.score.ReasonCode} name of the term that lifted the item
 *     most, e.g. {@code BUY_AGAIN} or {@code IN_SEASON}; {@value #NOT_IN_MODEL} for a rerank
 *     candidate the model does not know; {@value #PINNED} for an item the request pinned
 * @param explanation a sentence for the shopper, e.g. naming the holiday
 */
@RegisterForReflection
public record RankedItemBody(
        int rank,
        String itemId,
        String title,
        String category,
        Float score,
        String reason,
        String explanation) {

    /** The same item at another place in the list. */
    public RankedItemBody withRank(int newRank) {
        return new RankedItemBody(newRank, itemId, title, category, score, reason, explanation);
    }

    /** The reason of an item placed by the request's {@code pin}, whatever its score. */
    public static final String PINNED = "PINNED";

    /** The reason of a rerank candidate the model does not know. */
    public static final String NOT_IN_MODEL = "NOT_IN_MODEL";
}
