package io.solstice.quality;

import io.solstice.quality.internal.EnvironmentValues;
import java.util.Map;

/**
 * The limits {@link QualityGate} holds a training run's data to; a run whose report breaks one is
 * refused before training and the served model stays. Shares are fractions from 0 to 1. Each limit
 * has an environment variable; unset means the default.
 *
 * @param maxZeroPriceDayShare {@code SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE}: the most purchase
 *     lines priced zero or below on any single day, as a share of that day's purchase lines (a
 *     storefront sending every price as zero); default 0.5. The Online Retail file peaks at 0.22
 *     (2010-12-22)
 * @param zeroPriceMinDayLines {@code SOLSTICE_QUALITY_ZERO_PRICE_MIN_DAY_LINES}: days with fewer
 *     purchase lines than this are not judged by the rule above; default 20
 * @param maxMissingUserShare {@code SOLSTICE_QUALITY_MAX_MISSING_USER_SHARE}: the most events
 *     without a shopper id (guest checkouts); default 0.5 (Online Retail: 0.249)
 * @param maxMissingItemShare {@code SOLSTICE_QUALITY_MAX_MISSING_ITEM_SHARE}: the most events with
 *     a blank item id; default 0.01
 * @param maxMissingPriceShare {@code SOLSTICE_QUALITY_MAX_MISSING_PRICE_SHARE}: the most events
 *     without a unit price; default 0.01
 * @param maxUnknownItemShare {@code SOLSTICE_QUALITY_MAX_UNKNOWN_ITEM_SHARE}: the most events for
 *     items the catalogue lacks; default 0.05
 * @param maxFutureShare {@code SOLSTICE_QUALITY_MAX_FUTURE_SHARE}: the most events dated after the
 *     run; default 0.001
 * @param maxDroppedShare {@code SOLSTICE_QUALITY_MAX_DROPPED_SHARE}: the most events the cleaning
 *     rules may drop; default 0.6 (Online Retail: 0.27)
 * @param minEvents {@code SOLSTICE_QUALITY_MIN_EVENTS}: the fewest events a run trains on; default
 *     1,000
 * @param minRecentEvents {@code SOLSTICE_QUALITY_MIN_RECENT_EVENTS}: the fewest events in the
 *     recent window ({@link QualityOptions#recentDays()} days before the as-of time); default 0,
 *     which turns the check off so that historical replays train. Set it in production
 * @param maxEventAgeDays {@code SOLSTICE_QUALITY_MAX_EVENT_AGE_DAYS}: the oldest the newest event
 *     may be at the as-of time, in days; default 0, which turns the check off (as above)
 */
public record QualityThresholds(
        double maxZeroPriceDayShare,
        long zeroPriceMinDayLines,
        double maxMissingUserShare,
        double maxMissingItemShare,
        double maxMissingPriceShare,
        double maxUnknownItemShare,
        double maxFutureShare,
        double maxDroppedShare,
        long minEvents,
        long minRecentEvents,
        double maxEventAgeDays) {

    /** The defaults documented on each parameter. */
    public static QualityThresholds defaults() {
        return new QualityThresholds(0.5, 20, 0.5, 0.01, 0.01, 0.05, 0.001, 0.6, 1_000, 0, 0);
    }

    /**
     * Reads the {@code SOLSTICE_QUALITY_*} variables above; unset ones keep their default.
     *
     * @throws IllegalArgumentException naming the variable whose value cannot be read
     */
    public static QualityThresholds fromEnvironment(Map<String, String> environment) {
        EnvironmentValues values = new EnvironmentValues(environment);
        QualityThresholds d = defaults();
        return new QualityThresholds(
                values.share(Variables.MAX_ZERO_PRICE_DAY_SHARE, d.maxZeroPriceDayShare()),
                values.count(Variables.ZERO_PRICE_MIN_DAY_LINES, d.zeroPriceMinDayLines(), 1),
                values.share(Variables.MAX_MISSING_USER_SHARE, d.maxMissingUserShare()),
                values.share(Variables.MAX_MISSING_ITEM_SHARE, d.maxMissingItemShare()),
                values.share(Variables.MAX_MISSING_PRICE_SHARE, d.maxMissingPriceShare()),
                values.share(Variables.MAX_UNKNOWN_ITEM_SHARE, d.maxUnknownItemShare()),
                values.share(Variables.MAX_FUTURE_SHARE, d.maxFutureShare()),
                values.share(Variables.MAX_DROPPED_SHARE, d.maxDroppedShare()),
                values.count(Variables.MIN_EVENTS, d.minEvents(), 0),
                values.count(Variables.MIN_RECENT_EVENTS, d.minRecentEvents(), 0),
                values.nonNegative(Variables.MAX_EVENT_AGE_DAYS, d.maxEventAgeDays()));
    }

    /** The environment variable of each limit, as named in violations. */
    public static final class Variables {
        public static final String MAX_ZERO_PRICE_DAY_SHARE =
                "SOLSTICE_QUALITY_MAX_ZERO_PRICE_DAY_SHARE";
        public static final String ZERO_PRICE_MIN_DAY_LINES =
                "SOLSTICE_QUALITY_ZERO_PRICE_MIN_DAY_LINES";
        public static final String MAX_MISSING_USER_SHARE =
                "SOLSTICE_QUALITY_MAX_MISSING_USER_SHARE";
        public static final String MAX_MISSING_ITEM_SHARE =
                "SOLSTICE_QUALITY_MAX_MISSING_ITEM_SHARE";
        public static final String MAX_MISSING_PRICE_SHARE =
                "SOLSTICE_QUALITY_MAX_MISSING_PRICE_SHARE";
        public static final String MAX_UNKNOWN_ITEM_SHARE =
                "SOLSTICE_QUALITY_MAX_UNKNOWN_ITEM_SHARE";
        public static final String MAX_FUTURE_SHARE = "SOLSTICE_QUALITY_MAX_FUTURE_SHARE";
        public static final String MAX_DROPPED_SHARE = "SOLSTICE_QUALITY_MAX_DROPPED_SHARE";
        public static final String MIN_EVENTS = "SOLSTICE_QUALITY_MIN_EVENTS";
        public static final String MIN_RECENT_EVENTS = "SOLSTICE_QUALITY_MIN_RECENT_EVENTS";
        public static final String MAX_EVENT_AGE_DAYS = "SOLSTICE_QUALITY_MAX_EVENT_AGE_DAYS";

        private Variables() {}
    }
}
