package io.solstice.rank;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.solstice.rank.model.ModelState;

/**
 * The {@code model} block of a ranking: which model ranked and whether it is the one published now,
 * so that a storefront (and its monitoring) can tell a degraded answer from a normal one.
 *
 * @param id the version that ranked the items
 * @param status {@code current} (the published version, its network ranking), {@code stale} (the
 *     published version cannot be read; the last good one ranked) or {@code fallback} (the
 *     published version's network cannot be used; its seasonal popularity ranked)
 * @param reason why the status is not {@code current}; absent when it is
 * @param publishedAt when the version that ranked was published (ISO-8601 instant)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelBody(String id, String status, String reason, String publishedAt) {

    /** The block of one request's model state. */
    static ModelBody of(ModelState state) {
        return new ModelBody(
                state.model().version(),
                state.status(),
                state.reason(),
                state.pointer().publishedAt().toString());
    }
}
