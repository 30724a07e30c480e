package io.solstice.evaluation;

/**
 * Mean accuracy of the ranked lists of one cutoff and mode (or their mean over cutoffs) at one K.
 * Accuracy metrics are means over test users; see {@link RankingMetrics} for their definitions.
 *
 * @param k the cut-off rank K
 * @param precision mean Precision@K
 * @param recall mean Recall@K
 * @param f1 mean over users of F1@K
 * @param ndcg mean NDCG@K
 * @param map mean average precision at K
 * @param hitRate share of users with at least one hit in the first K
 * @param coverage share of candidates that appear in anyone's first K
 * @param alreadyPurchasedRate share of all listed items (first K of every list) that the user had
 *     bought before the cutoff; 0 by construction in discovery mode
 * @param outOfSeasonRate share of all listed items the {@link OutOfSeasonRule} flags; {@code NaN}
 *     when the evaluation has no rule
 */
public record MetricsAtK(
        int k,
        double precision,
        double recall,
        double f1,
        double ndcg,
        double map,
        double hitRate,
        double coverage,
        double alreadyPurchasedRate,
        double outOfSeasonRate) {

    /** The value of a metric by its table name ({@code P}, {@code R}, {@code NDCG}, ...). */
    public double get(Metric metric) {
        return switch (metric) {
            case PRECISION -> precision;
            case RECALL -> recall;
            case F1 -> f1;
            case NDCG -> ndcg;
            case MAP -> map;
            case HIT_RATE -> hitRate;
            case COVERAGE -> coverage;
            case ALREADY_PURCHASED -> alreadyPurchasedRate;
            case OUT_OF_SEASON -> outOfSeasonRate;
        };
    }

    /** The metrics of the record, with their short table headings. */
    public enum Metric {
        PRECISION("P"),
        RECALL("R"),
        F1("F1"),
        NDCG("NDCG"),
        MAP("MAP"),
        HIT_RATE("HR"),
        COVERAGE("Cov"),
        ALREADY_PURCHASED("Bought"),
        OUT_OF_SEASON("OutSeas");

        private final String heading;

        Metric(String heading) {
            this.heading = heading;
        }

        /** The short heading, e.g. {@code NDCG}; tables add {@code @K} to the first six. */
        public String heading() {
            return heading;
        }
    }
}
