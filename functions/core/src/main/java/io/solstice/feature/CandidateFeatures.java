package io.solstice.feature;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import java.time.LocalDate;
import java.util.List;

/**
 * The dense features of (shopper, candidate item, date, country) that the ranking network reads,
 * computed the same way in training and in the rank function. Every feature uses only what happened
 * before the date.
 *
 * <p>Shopper-item: decayed purchase weight, distinct purchase days, recency, whether the item is
 * due again on the shopper's own cadence, item-kNN score (Sarwar et al., 2001) from the decayed
 * history. Item: buyer-days over the last 7 and 28 days and all time, trend, the same four weeks
 * one year earlier, age since first sale. Season: holiday lead-in times the item's learned sales
 * affinity and its description, an "out of its season" flag. Shopper: breadth and recency. Context:
 * Christmas lead-in and the time-of-year angle of the shopper's hemisphere.
 */
public final class CandidateFeatures {

    /** Feature names in column order; recorded in the model so a mismatch is caught on load. */
    public static final List<String> NAMES =
            List.of(
                    "history_weight",
                    "history_days",
                    "history_recency",
                    "cadence_due",
                    "knn_score",
                    "knn_share",
                    "buyers_7d",
                    "buyers_28d",
                    "buyers_all",
                    "trend_7d_28d",
                    "buyers_same_weeks_last_year",
                    "item_age",
                    "holiday_sales_affinity_now",
                    "holiday_text_now",
                    "holiday_text_out_of_season",
                    "holiday_sales_out_of_season",
                    "shopper_items",
                    "shopper_days_since_purchase",
                    "history_rank",
                    "history_out_of_season",
                    "knn_last_basket");

    public static final int COUNT = NAMES.size();

    public static final int HISTORY_WEIGHT = 0;
    public static final int HISTORY_DAYS = 1;
    public static final int HISTORY_RECENCY = 2;
    public static final int CADENCE_DUE = 3;
    public static final int KNN_SCORE = 4;
    public static final int KNN_SHARE = 5;
    public static final int BUYERS_7D = 6;
    public static final int BUYERS_28D = 7;
    public static final int BUYERS_ALL = 8;
    public static final int TREND = 9;
    public static final int BUYERS_LAST_YEAR = 10;
    public static final int ITEM_AGE = 11;
    public static final int HOLIDAY_SALES_NOW = 12;
    public static final int HOLIDAY_TEXT_NOW = 13;
    public static final int HOLIDAY_TEXT_OUT_OF_SEASON = 14;
    public static final int HOLIDAY_SALES_OUT_OF_SEASON = 15;
    public static final int SHOPPER_ITEMS = 16;
    public static final int SHOPPER_RECENCY = 17;
    public static final int HISTORY_RANK = 18;
    public static final int HISTORY_OUT_OF_SEASON = 19;
    public static final int KNN_LAST_BASKET = 20;

    /** Item columns {@code [BUYERS_7D, SHOPPER_ITEMS)}: the same for every shopper on a date. */
    static final int ITEM_BLOCK_START = BUYERS_7D;

    static final int ITEM_BLOCK_WIDTH = SHOPPER_ITEMS - BUYERS_7D;

    private static final double RECENCY_DAYS = 30.0;

    private final ItemSignals signals;
    private final SeasonCalendar calendar;

    public CandidateFeatures(ItemSignals signals, SeasonCalendar calendar) {
        this.signals = signals;
        this.calendar = calendar;
    }

    public ItemSignals signals() {
        return signals;
    }

    public SeasonCalendar calendar() {
        return calendar;
    }

    /** Everything about a date and country that does not depend on the shopper. */
    public Context context(LocalDate date, Country country) {
        return new Context(date, country);
    }

    /**
     * Writes {@link #COUNT} features per candidate into {@code out}, row after row.
     *
     * @param shopper the shopper's history as of {@code context}'s date
     * @param candidates item indexes of {@link #signals()}
     */
    public void fill(ShopperHistory shopper, Context context, int[] candidates, float[] out) {
        double[] knn = knnScores(shopper);
        double[] lastBasket = lastBasketKnnScores(shopper);
        double totalWeight = shopper.totalWeight();
        float shopperItems = (float) Math.log1p(shopper.itemCount());
        int sinceLast = shopper.daysSinceLastPurchase();
        float shopperRecency = sinceLast < 0 ? 0f : (float) Math.log1p(sinceLast);
        float[] itemBlock = context.itemBlock();

        for (int c = 0; c < candidates.length; c++) {
            int item = candidates[c];
            int base = c * COUNT;
            System.arraycopy(
                    itemBlock,
                    item * ITEM_BLOCK_WIDTH,
                    out,
                    base + ITEM_BLOCK_START,
                    ITEM_BLOCK_WIDTH);
            fillHistory(shopper, item, out, base);
            out[base + KNN_SCORE] = logOnePlus(knn[item]);
            out[base + KNN_SHARE] = totalWeight > 0 ? (float) (knn[item] / totalWeight) : 0f;
            out[base + KNN_LAST_BASKET] = logOnePlus(lastBasket[item]);
            out[base + SHOPPER_ITEMS] = shopperItems;
            out[base + SHOPPER_RECENCY] = shopperRecency;
        }
    }

    /** {@code log(1 + x)}, without the call for the zero most candidates have. */
    private static float logOnePlus(double x) {
        return x == 0 ? 0f : (float) Math.log1p(x);
    }

    /**
     * Item-kNN scores from the items of the shopper's last purchase day only, unweighted: what goes
     * with the order they just placed.
     */
    private double[] lastBasketKnnScores(ShopperHistory shopper) {
        double[] scores = new double[signals.itemCount()];
        int lastDay = Integer.MIN_VALUE;
        for (int i = 0; i < shopper.itemCount(); i++) {
            lastDay = Math.max(lastDay, shopper.lastDayAt(i));
        }
        for (int i = 0; i < shopper.itemCount(); i++) {
            if (shopper.lastDayAt(i) == lastDay) {
                signals.addNeighbourScores(shopper.item(i), 1.0, scores);
            }
        }
        return scores;
    }

    /** Item-kNN scores of every item: {@code Σ_j weight(j) · sim(j, item)} over bought items j. */
    public double[] knnScores(ShopperHistory shopper) {
        double[] scores = new double[signals.itemCount()];
        for (int i = 0; i < shopper.itemCount(); i++) {
            signals.addNeighbourScores(shopper.item(i), shopper.weightAt(i), scores);
        }
        return scores;
    }

    /** Shopper-item columns; expects the item block already in place in {@code out}. */
    private static void fillHistory(ShopperHistory shopper, int item, float[] out, int base) {
        int slot = shopper.find(item);
        if (slot < 0) {
            out[base + HISTORY_WEIGHT] = 0f;
            out[base + HISTORY_DAYS] = 0f;
            out[base + HISTORY_RECENCY] = 0f;
            out[base + CADENCE_DUE] = 0f;
            out[base + HISTORY_RANK] = 0f;
            out[base + HISTORY_OUT_OF_SEASON] = 0f;
            return;
        }
        int since = shopper.asOfDay() - shopper.lastDayAt(slot);
        out[base + HISTORY_WEIGHT] = (float) Math.log1p(shopper.weightAt(slot));
        out[base + HISTORY_DAYS] = (float) Math.log1p(shopper.daysAt(slot));
        out[base + HISTORY_RECENCY] = (float) Math.exp(-since / RECENCY_DAYS);
        out[base + CADENCE_DUE] = cadenceDue(shopper, slot, since);
        out[base + HISTORY_RANK] = 1f / (1 + shopper.rankAt(slot));
        out[base + HISTORY_OUT_OF_SEASON] =
                out[base + HISTORY_DAYS] * out[base + HOLIDAY_SALES_OUT_OF_SEASON];
    }

    /**
     * How close the shopper is to their usual re-order interval for this item: 1 when the days
     * since the last purchase equal the mean gap between purchases, falling off on a log scale; 0
     * for items bought on one day only.
     */
    private static float cadenceDue(ShopperHistory shopper, int slot, int since) {
        int days = shopper.daysAt(slot);
        if (days < 2) {
            return 0f;
        }
        double meanGap = (double) (shopper.lastDayAt(slot) - shopper.firstDayAt(slot)) / (days - 1);
        return (float) Math.exp(-Math.abs(Math.log((since + 1.0) / (meanGap + 1.0))));
    }

    /** The shopper-independent part of the features for one date and country. */
    public final class Context {

        private final LocalDate date;
        private final float[] season;
        private final float[] leadIns;
        private float[] itemBlock;

        private Context(LocalDate date, Country country) {
            this.date = date;
            this.season = calendar.yearAngle(date, country);
            this.leadIns = signals.holidayLeadIns(calendar, date, country);
        }

        public LocalDate date() {
            return date;
        }

        /** Epoch day of the date: purchases before it are history. */
        public int day() {
            return (int) date.toEpochDay();
        }

        /** Sine and cosine of the time-of-year angle in the shopper's hemisphere. */
        public float[] season() {
            return season.clone();
        }

        /** Lead-in strength of each holiday column of {@link ItemSignals#holidayNames()}. */
        public float[] holidayLeadIns() {
            return leadIns.clone();
        }

        synchronized float[] itemBlock() {
            if (itemBlock == null) {
                itemBlock = computeItemBlock();
            }
            return itemBlock;
        }

        /**
         * Popularity is taken as each item's share of all buyer-days in the window (per 10,000),
         * not as a count, so that the features mean the same in a quiet February and in the
         * November rush, when the shop sells 2-3 times as much.
         */
        private float[] computeItemBlock() {
            int today = day();
            int items = signals.itemCount();
            int[] week = new int[items];
            int[] month = new int[items];
            int[] all = new int[items];
            int[] lastYear = new int[items];
            for (int item = 0; item < items; item++) {
                week[item] = signals.buyerDays(item, today - 7, today);
                month[item] = signals.buyerDays(item, today - 28, today);
                all[item] = signals.buyerDays(item, Integer.MIN_VALUE / 2, today);
                lastYear[item] = signals.buyerDays(item, today - 365, today - 337);
            }

            float[] block = new float[items * ITEM_BLOCK_WIDTH];
            int at = ITEM_BLOCK_START;
            double weekTotal = total(week);
            double monthTotal = total(month);
            double allTotal = total(all);
            double lastYearTotal = total(lastYear);
            for (int item = 0; item < items; item++) {
                int base = item * ITEM_BLOCK_WIDTH;
                block[base + BUYERS_7D - at] = share(week[item], weekTotal);
                block[base + BUYERS_28D - at] = share(month[item], monthTotal);
                block[base + BUYERS_ALL - at] = share(all[item], allTotal);
                block[base + TREND - at] =
                        (float)
                                Math.log(
                                        (week[item] / weekTotal * 1e4 + 1)
                                                / (month[item] / monthTotal * 1e4 + 1));
                block[base + BUYERS_LAST_YEAR - at] = share(lastYear[item], lastYearTotal);
                block[base + ITEM_AGE - at] = itemAge(item, today);
                fillSeasonal(item, block, base - at);
            }
            return block;
        }

        private static double total(int[] counts) {
            long sum = 0;
            for (int count : counts) {
                sum += count;
            }
            return Math.max(1, sum);
        }

        private static float share(int count, double total) {
            return (float) Math.log1p(count / total * 1e4);
        }

        private float itemAge(int item, int today) {
            int first = signals.firstSaleDay()[item];
            return first >= today ? 0f : (float) Math.log1p(today - first);
        }

        /**
         * Writes the holiday columns of {@code item}; {@code base} is where column 0 of the item's
         * row would be.
         */
        private void fillSeasonal(int item, float[] block, int base) {
            float salesNow = 0f;
            float textNow = 0f;
            float salesElsewhere = 0f;
            boolean tagged = false;
            boolean tagInSeason = false;
            for (int h = 0; h < leadIns.length; h++) {
                float text = signals.holidayText(item, h);
                float affinity = signals.holidaySalesAffinity(item, h);
                salesNow += leadIns[h] * affinity;
                textNow += leadIns[h] * text;
                salesElsewhere += (1f - leadIns[h]) * Math.max(0f, affinity);
                tagged |= text > 0;
                tagInSeason |= text > 0 && leadIns[h] > 0;
            }
            block[base + HOLIDAY_SALES_NOW] = salesNow;
            block[base + HOLIDAY_TEXT_NOW] = textNow;
            block[base + HOLIDAY_TEXT_OUT_OF_SEASON] = tagged && !tagInSeason ? 1f : 0f;
            block[base + HOLIDAY_SALES_OUT_OF_SEASON] = salesElsewhere;
        }
    }
}
