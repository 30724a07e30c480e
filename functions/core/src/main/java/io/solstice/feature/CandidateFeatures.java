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
                    "shopper_items",
                    "shopper_days_since_purchase",
                    "history_rank");

    public static final int COUNT = NAMES.size();

    static final int HISTORY_WEIGHT = 0;
    static final int KNN_SCORE = 4;
    static final int ITEM_BLOCK_START = 6;
    static final int ITEM_BLOCK_WIDTH = 9;
    static final int HISTORY_RANK = 17;

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
        double totalWeight = shopper.totalWeight();
        float shopperItems = (float) Math.log1p(shopper.itemCount());
        int sinceLast = shopper.daysSinceLastPurchase();
        float shopperRecency = sinceLast < 0 ? 0f : (float) Math.log1p(sinceLast);

        for (int c = 0; c < candidates.length; c++) {
            int item = candidates[c];
            int base = c * COUNT;
            fillHistory(shopper, item, out, base);
            out[base + KNN_SCORE] = (float) Math.log1p(knn[item]);
            out[base + KNN_SCORE + 1] = totalWeight > 0 ? (float) (knn[item] / totalWeight) : 0f;
            System.arraycopy(
                    context.itemBlock(),
                    item * ITEM_BLOCK_WIDTH,
                    out,
                    base + ITEM_BLOCK_START,
                    ITEM_BLOCK_WIDTH);
            out[base + 15] = shopperItems;
            out[base + 16] = shopperRecency;
        }
    }

    /** Item-kNN scores of every item: {@code Σ_j weight(j) · sim(j, item)} over bought items j. */
    public double[] knnScores(ShopperHistory shopper) {
        double[] scores = new double[signals.itemCount()];
        for (int i = 0; i < shopper.itemCount(); i++) {
            signals.addNeighbourScores(shopper.item(i), shopper.weightAt(i), scores);
        }
        return scores;
    }

    private static void fillHistory(ShopperHistory shopper, int item, float[] out, int base) {
        int slot = shopper.find(item);
        if (slot < 0) {
            out[base] = 0f;
            out[base + 1] = 0f;
            out[base + 2] = 0f;
            out[base + 3] = 0f;
            out[base + HISTORY_RANK] = 0f;
            return;
        }
        int since = shopper.asOfDay() - shopper.lastDayAt(slot);
        out[base] = (float) Math.log1p(shopper.weightAt(slot));
        out[base + 1] = (float) Math.log1p(shopper.daysAt(slot));
        out[base + 2] = (float) Math.exp(-since / RECENCY_DAYS);
        out[base + 3] = cadenceDue(shopper, slot, since);
        out[base + HISTORY_RANK] = 1f / (1 + shopper.rankAt(slot));
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
            double weekTotal = total(week);
            double monthTotal = total(month);
            double allTotal = total(all);
            double lastYearTotal = total(lastYear);
            for (int item = 0; item < items; item++) {
                int base = item * ITEM_BLOCK_WIDTH;
                block[base] = share(week[item], weekTotal);
                block[base + 1] = share(month[item], monthTotal);
                block[base + 2] = share(all[item], allTotal);
                block[base + 3] =
                        (float)
                                Math.log(
                                        (week[item] / weekTotal * 1e4 + 1)
                                                / (month[item] / monthTotal * 1e4 + 1));
                block[base + 4] = share(lastYear[item], lastYearTotal);
                block[base + 5] = itemAge(item, today);
                fillSeasonal(item, block, base + 6);
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

        private void fillSeasonal(int item, float[] block, int at) {
            float salesNow = 0f;
            float textNow = 0f;
            boolean tagged = false;
            boolean tagInSeason = false;
            for (int h = 0; h < leadIns.length; h++) {
                float text = signals.holidayText(item, h);
                salesNow += leadIns[h] * signals.holidaySalesAffinity(item, h);
                textNow += leadIns[h] * text;
                tagged |= text > 0;
                tagInSeason |= text > 0 && leadIns[h] > 0;
            }
            block[at] = salesNow;
            block[at + 1] = textNow;
            block[at + 2] = tagged && !tagInSeason ? 1f : 0f;
        }
    }
}
