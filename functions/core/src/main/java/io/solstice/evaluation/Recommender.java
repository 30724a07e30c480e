package io.solstice.evaluation;

import io.solstice.history.PurchaseLog;
import java.time.LocalDate;

/**
 * A recommendation method under test: fitted on the purchases before a cutoff, it ranks items for
 * the users who come back after it. See {@link Evaluation} for the protocol.
 */
public interface Recommender {

    /** A short stable name for tables and file names, e.g. {@code item-knn}. */
    String name();

    /**
     * Fits the method on {@code history} and returns the ranker for requests at {@code cutoff}.
     *
     * @param history every clean purchase strictly before {@code cutoff}, and nothing else
     * @param cutoff the first day the ranker is asked about
     */
    CutoffRanker fit(PurchaseLog history, LocalDate cutoff);
}
