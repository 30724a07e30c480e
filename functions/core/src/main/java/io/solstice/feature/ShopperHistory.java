package io.solstice.feature;

import java.util.Arrays;

/**
 * One shopper's purchases before a reference date, summarised per item: a time-decayed weight (each
 * distinct purchase day weighs {@code 2^(-age / halfLife)}), the number of distinct days, and the
 * first and last day. The rank function builds it from the shopper's stored events; training builds
 * it from the purchase log. Both go through {@link #of}, so they cannot disagree.
 */
public final class ShopperHistory {

    /** Half-life of purchase evidence, in days. */
    public static final double HALF_LIFE_DAYS = 60.0;

    private static final ShopperHistory EMPTY =
            new ShopperHistory(0, new int[0], new double[0], new int[0], new int[0], new int[0]);

    private final int asOf;
    private final int[] items;
    private final double[] weight;
    private final int[] days;
    private final int[] firstDay;
    private final int[] lastDay;
    private final int[] rank;

    private ShopperHistory(
            int asOf, int[] items, double[] weight, int[] days, int[] firstDay, int[] lastDay) {
        this.asOf = asOf;
        this.items = items;
        this.weight = weight;
        this.days = days;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.rank = rankByWeight(weight, lastDay);
    }

    /** Position of each item when the shopper's items are sorted by weight, then recency. */
    private static int[] rankByWeight(double[] weight, int[] lastDay) {
        Integer[] order = new Integer[weight.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int byWeight = Double.compare(weight[b], weight[a]);
                    return byWeight != 0 ? byWeight : Integer.compare(lastDay[b], lastDay[a]);
                });
        int[] rank = new int[weight.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }

    /** A shopper with no purchases: a guest or a first visit. */
    public static ShopperHistory empty() {
        return EMPTY;
    }

    /**
     * Summarises purchases given as parallel arrays of item index and epoch day. Purchases on or
     * after {@code asOfDay} are ignored, so a history can be replayed "as of" any date.
     */
    public static ShopperHistory of(
            int[] purchaseItems, int[] purchaseDays, int count, int asOfDay) {
        long[] keys = new long[count];
        int kept = 0;
        for (int p = 0; p < count; p++) {
            if (purchaseDays[p] < asOfDay && purchaseItems[p] >= 0) {
                keys[kept++] = ((long) purchaseItems[p] << 32) | purchaseDays[p];
            }
        }
        Arrays.sort(keys, 0, kept);
        return aggregate(keys, kept, asOfDay);
    }

    private static ShopperHistory aggregate(long[] keys, int count, int asOfDay) {
        int[] items = new int[count];
        double[] weight = new double[count];
        int[] days = new int[count];
        int[] first = new int[count];
        int[] last = new int[count];
        int slot = -1;
        long previous = -1;
        for (int k = 0; k < count; k++) {
            if (keys[k] == previous) {
                continue;
            }
            int item = (int) (keys[k] >>> 32);
            int day = (int) keys[k];
            if (slot < 0 || items[slot] != item) {
                slot++;
                items[slot] = item;
                first[slot] = day;
            }
            weight[slot] += Math.pow(2, -(asOfDay - day) / HALF_LIFE_DAYS);
            days[slot]++;
            last[slot] = day;
            previous = keys[k];
        }
        int used = slot + 1;
        return new ShopperHistory(
                asOfDay,
                Arrays.copyOf(items, used),
                Arrays.copyOf(weight, used),
                Arrays.copyOf(days, used),
                Arrays.copyOf(first, used),
                Arrays.copyOf(last, used));
    }

    /** Distinct items bought. */
    public int itemCount() {
        return items.length;
    }

    /** Item index of the {@code i}-th distinct item (ascending item index). */
    public int item(int i) {
        return items[i];
    }

    /** Decayed weight of the {@code i}-th distinct item. */
    public double weightAt(int i) {
        return weight[i];
    }

    /** Position of {@code item} among the distinct items, or a negative number. */
    public int find(int item) {
        return Arrays.binarySearch(items, item);
    }

    public boolean hasBought(int item) {
        return find(item) >= 0;
    }

    public int daysAt(int i) {
        return days[i];
    }

    public int firstDayAt(int i) {
        return firstDay[i];
    }

    /** 0 for the shopper's heaviest item, 1 for the next, and so on. */
    public int rankAt(int i) {
        return rank[i];
    }

    public int lastDayAt(int i) {
        return lastDay[i];
    }

    /** The reference day (epoch day) weights are decayed to. */
    public int asOfDay() {
        return asOf;
    }

    /** Days since the shopper's last purchase of anything; -1 when there is none. */
    public int daysSinceLastPurchase() {
        int latest = Integer.MIN_VALUE;
        for (int day : lastDay) {
            latest = Math.max(latest, day);
        }
        return items.length == 0 ? -1 : asOf - latest;
    }

    /** Sum of the decayed weights of all items. */
    public double totalWeight() {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        return total;
    }
}
