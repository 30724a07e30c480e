package io.solstice.evaluation;

import java.util.function.IntPredicate;

/**
 * Ranks candidate items for one user at the cutoff a {@link Recommender} was fitted for.
 *
 * <p>Called from several threads at once: an implementation must be safe for concurrent reads.
 */
public interface CutoffRanker {

    /**
     * The best {@code k} items for {@code user}, best first.
     *
     * @param user index in the purchase log's user vocabulary
     * @param country the user's country at the cutoff (of their latest purchase), or {@code null}
     * @param k the most items to return; fewer when the method has fewer to offer
     * @param excluded items that must not be returned (e.g. the user's past items in discovery
     *     mode)
     * @return item indexes of the shared item vocabulary, best first, without duplicates, never an
     *     excluded item, only candidates (items bought before the cutoff)
     */
    int[] rank(int user, String country, int k, IntPredicate excluded);
}
