package io.solstice.rank.model;

import io.solstice.store.s3.ModelPointer;

/**
 * The model one request ranks with, and how it stands against what is published. A request takes
 * one state at its start and keeps it to its end, so that a model swapped in meanwhile never mixes
 * into its answer.
 *
 * @param model the model that ranks
 * @param pointer the pointer it was read from
 * @param staleReason why a newer published version is not served, or {@code null} when the model is
 *     what {@code models/CURRENT} names
 */
public record ModelState(ServedModel model, ModelPointer pointer, String staleReason) {

    /** The published version ranks with its network. */
    public static final String CURRENT = "current";

    /** The published version cannot be read; the last good one ranks. */
    public static final String STALE = "stale";

    /** The published version's network cannot be used; its seasonal popularity ranks. */
    public static final String FALLBACK = "fallback";

    /** A model read from the pointer that names it now. */
    public static ModelState fresh(ServedModel model, ModelPointer pointer) {
        return new ModelState(model, pointer, null);
    }

    /** {@value #CURRENT}, {@value #STALE} or {@value #FALLBACK}. */
    public String status() {
        if (staleReason != null) {
            return STALE;
        }
        return model.usesModel() ? CURRENT : FALLBACK;
    }

    /** Why the status is not {@value #CURRENT}, or {@code null} when it is. */
    public String reason() {
        return staleReason != null ? staleReason : model.fallbackReason();
    }

    /** The same model, kept because what is published now cannot be served. */
    ModelState stale(String reason) {
        return new ModelState(model, pointer, reason);
    }
}
