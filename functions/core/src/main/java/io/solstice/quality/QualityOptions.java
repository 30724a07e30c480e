package io.solstice.quality;

import io.solstice.quality.internal.EnvironmentValues;
import java.time.LocalDate;
import java.util.Map;

/**
 * How the {@link QualityAnalyzer} measures (the limits that fail a run are {@link
 * QualityThresholds}). Each parameter has an environment variable; unset means the default.
 *
 * @param shopOpened {@code SOLSTICE_QUALITY_SHOP_OPENED} (yyyy-MM-dd): events dated before it are
 *     counted as implausible; default 2000-01-01, earlier than any plausible event: set it to the
 *     shop's opening date
 * @param recentDays {@code SOLSTICE_QUALITY_RECENT_DAYS}: length of the recent window in days,
 *     ending at the run's as-of time; default 7
 * @param lowDayFraction {@code SOLSTICE_QUALITY_LOW_DAY_FRACTION}: a day with events is low when it
 *     has fewer than this share of the trailing median; default 0.2
 * @param trailingDays {@code SOLSTICE_QUALITY_TRAILING_DAYS}: calendar days before a day whose
 *     trading days (days with events) give the trailing median; default 28
 * @param priceOutlierFactor {@code SOLSTICE_QUALITY_PRICE_OUTLIER_FACTOR}: a purchase line is a
 *     price outlier when its unit price is above this multiple of its item's median positive price;
 *     default 10
 */
public record QualityOptions(
        LocalDate shopOpened,
        int recentDays,
        double lowDayFraction,
        int trailingDays,
        double priceOutlierFactor) {

    /** Trading days the trailing window needs before a day can be called low. */
    public static final int MIN_TRAILING_TRADING_DAYS = 7;

    /** Priced purchase lines an item needs before its lines can be price outliers. */
    public static final int MIN_PRICED_LINES_PER_ITEM = 5;

    public QualityOptions {
        if (recentDays < 1 || trailingDays < 1) {
            throw new IllegalArgumentException(
                    "recentDays and trailingDays must be at least 1, got "
                            + recentDays
                            + " and "
                            + trailingDays);
        }
        if (!(priceOutlierFactor > 1)) {
            throw new IllegalArgumentException(
                    "priceOutlierFactor must be above 1, got " + priceOutlierFactor);
        }
    }

    /** Shop opened 2000-01-01, recent window 7 days, low day below 20% of 28-day median, 10×. */
    public static QualityOptions defaults() {
        return new QualityOptions(LocalDate.of(2000, 1, 1), 7, 0.2, 28, 10);
    }

    /**
     * Reads the {@code SOLSTICE_QUALITY_*} variables above; unset ones keep their default.
     *
     * @throws IllegalArgumentException naming the variable whose value cannot be read
     */
    public static QualityOptions fromEnvironment(Map<String, String> environment) {
        EnvironmentValues values = new EnvironmentValues(environment);
        QualityOptions defaults = defaults();
        return new QualityOptions(
                values.date("SOLSTICE_QUALITY_SHOP_OPENED", defaults.shopOpened()),
                values.days("SOLSTICE_QUALITY_RECENT_DAYS", defaults.recentDays()),
                values.share("SOLSTICE_QUALITY_LOW_DAY_FRACTION", defaults.lowDayFraction()),
                values.days("SOLSTICE_QUALITY_TRAILING_DAYS", defaults.trailingDays()),
                values.above(
                        "SOLSTICE_QUALITY_PRICE_OUTLIER_FACTOR", defaults.priceOutlierFactor(), 1));
    }
}
