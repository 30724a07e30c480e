package io.solstice.feature;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is known about every item up to a date, in the form both training and the rank function use
 * to compute {@link CandidateFeatures}: daily buyer counts (so popularity over any window before
 * any date is two look-ups), item-to-item neighbours, when each item first sold, and how each item
 * relates to the holidays of the {@link SeasonCalendar}.
 *
 * <p>Built from a purchase log by {@link ItemSignalsBuilder}; written to and read from the model
 * artifact by {@link ItemSignalsCodec}. Item {@code i} is item index {@code i} of {@link
 * #itemIds()}. Immutable.
 *
 * @param itemIds item id of each item index
 * @param firstDay epoch day of the first day the buyer counts cover
 * @param dayCount number of days covered
 * @param cumulativeBuyers per item, {@code dayCount + 1} running totals of daily distinct buyers:
 *     buyers on days {@code [firstDay, firstDay + d)} are {@code cumulativeBuyers[i * (dayCount +
 *     1) + d]}
 * @param firstSaleDay epoch day each item first sold; {@link Integer#MAX_VALUE} when never
 * @param neighbourStart per item, where its neighbours start in {@link #neighbours()}; {@code items
 *     + 1} entries
 * @param neighbours neighbour item indexes
 * @param neighbourSimilarity cosine similarity over buyer sets of each neighbour
 * @param holidayNames holidays in column order of the two holiday tables
 * @param holidaySalesAffinity per item and holiday: log of how much more the item sold inside the
 *     holiday's lead-in windows than the shop as a whole did (0 when no evidence)
 * @param holidayText per item and holiday: 1 when the item's description names the holiday
 */
public record ItemSignals(
        List<String> itemIds,
        int firstDay,
        int dayCount,
        int[] cumulativeBuyers,
        int[] firstSaleDay,
        int[] neighbourStart,
        int[] neighbours,
        float[] neighbourSimilarity,
        List<String> holidayNames,
        float[] holidaySalesAffinity,
        float[] holidayText) {

    public int itemCount() {
        return itemIds.size();
    }

    /** Daily distinct buyers of {@code item} summed over days {@code [from, to)} (epoch days). */
    public int buyerDays(int item, int from, int to) {
        int lo = clampDay(from);
        int hi = clampDay(to);
        if (hi <= lo) {
            return 0;
        }
        int base = item * (dayCount + 1);
        return cumulativeBuyers[base + hi] - cumulativeBuyers[base + lo];
    }

    private int clampDay(int day) {
        return Math.max(0, Math.min(dayCount, day - firstDay));
    }

    /** True when {@code item} sold before {@code day} (epoch day): it is a candidate then. */
    public boolean soldBefore(int item, int day) {
        return firstSaleDay[item] < day;
    }

    /** Adds {@code weight · sim(item, j)} to {@code scores[j]} for each neighbour {@code j}. */
    public void addNeighbourScores(int item, double weight, double[] scores) {
        for (int slot = neighbourStart[item]; slot < neighbourStart[item + 1]; slot++) {
            scores[neighbours[slot]] += weight * neighbourSimilarity[slot];
        }
    }

    /** Sales affinity of {@code item} to holiday column {@code h}. */
    public float holidaySalesAffinity(int item, int h) {
        return holidaySalesAffinity[item * holidayNames.size() + h];
    }

    /** 1 when {@code item}'s description names holiday column {@code h}, else 0. */
    public float holidayText(int item, int h) {
        return holidayText[item * holidayNames.size() + h];
    }

    /** Lead-in strength of every holiday column on {@code date} in {@code country}. */
    public float[] holidayLeadIns(SeasonCalendar calendar, LocalDate date, Country country) {
        float[] strengths = new float[holidayNames.size()];
        for (int h = 0; h < strengths.length; h++) {
            strengths[h] = (float) calendar.leadIn(holidayNames.get(h), date, country);
        }
        return strengths;
    }

    /** Index of each item id. */
    public Map<String, Integer> itemIndex() {
        Map<String, Integer> index = new java.util.HashMap<>(itemIds.size() * 2);
        for (int i = 0; i < itemIds.size(); i++) {
            index.put(itemIds.get(i), i);
        }
        return index;
    }

    /** Builds the signals of every item of {@code history}'s vocabulary as of its last day. */
    public static ItemSignals of(
            PurchaseLog history, Map<String, String> descriptions, SeasonCalendar calendar) {
        return new ItemSignalsBuilder(history, descriptions, calendar).build();
    }
}
