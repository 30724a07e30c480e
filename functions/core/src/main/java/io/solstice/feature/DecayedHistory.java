package io.solstice.feature;

import io.solstice.history.PurchaseLog;
import io.solstice.history.Vocabulary;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Each user's past items with an exponentially time-decayed weight, as of a reference date: the
 * "recency-weighted purchase history" signal of repeat-purchase recommenders (exponential time
 * decay as in Ding &amp; Li 2005, "Time weight collaborative filtering").
 *
 * <p>A purchase made {@code age} days before the reference date ({@code age = asOf - day}, so 1 for
 * the day before) weighs {@code 2^(-age / halfLifeDays)}. {@link DecayUnit} says whether every
 * purchase line adds its weight or every distinct purchase day adds it once. An item's weight is
 * the sum over its purchases; a purchase on or after the reference date is an error.
 *
 * <p>Alongside the weight: the item's last purchase day, the number of distinct days and of lines
 * it was bought on. {@link #items(int)} orders a user's items by weight, ties to the lower item id
 * in string order (many items tie: every line of a one-off order has the same weight).
 *
 * <p>User and item indexes are those of the log's shared vocabularies. Immutable and thread-safe.
 */
public final class DecayedHistory {

    /** What one unit of purchase evidence is. */
    public enum DecayUnit {
        /** Every purchase line adds its decayed weight (two lines on one invoice count twice). */
        PURCHASE_LINE,
        /** Every distinct day the user bought the item adds its decayed weight once. */
        PURCHASE_DAY
    }

    private final LocalDate asOf;
    private final double halfLifeDays;
    private final int[] start;
    private final int[] item;
    private final double[] weight;
    private final int[] lastDay;
    private final int[] days;
    private final int[] lines;
    private final int[] ranked;

    private DecayedHistory(Builder built) {
        this.asOf = built.asOf;
        this.halfLifeDays = built.halfLifeDays;
        this.start = built.start;
        this.item = built.item;
        this.weight = built.weight;
        this.lastDay = built.lastDay;
        this.days = built.days;
        this.lines = built.lines;
        this.ranked = built.ranked;
    }

    /**
     * Decays every purchase of {@code history} to {@code asOf}.
     *
     * @param history purchases strictly before {@code asOf}
     * @param asOf the reference date, usually the cutoff or today
     * @param halfLifeDays days after which a purchase weighs half as much; must be positive
     * @param unit per purchase line or per distinct purchase day
     * @throws IllegalArgumentException when a purchase is on or after {@code asOf}
     */
    public static DecayedHistory of(
            PurchaseLog history, LocalDate asOf, double halfLifeDays, DecayUnit unit) {
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException(
                    "halfLifeDays must be positive, was " + halfLifeDays);
        }
        if (history.size() > 0 && history.lastDay() >= asOf.toEpochDay()) {
            throw new IllegalArgumentException(
                    "history must end before asOf "
                            + asOf
                            + ", has a purchase on "
                            + LocalDate.ofEpochDay(history.lastDay()));
        }
        return new DecayedHistory(new Builder(history, asOf, halfLifeDays, unit).build());
    }

    /** The reference date weights are decayed to. */
    public LocalDate asOf() {
        return asOf;
    }

    public double halfLifeDays() {
        return halfLifeDays;
    }

    /** Number of users in the vocabulary (users without purchases included). */
    public int userCount() {
        return start.length - 1;
    }

    /** Number of distinct items {@code user} bought. */
    public int itemCount(int user) {
        return isKnown(user) ? start[user + 1] - start[user] : 0;
    }

    /** {@code user}'s items, highest weight first; a new array each call. */
    public int[] items(int user) {
        return isKnown(user)
                ? Arrays.copyOfRange(ranked, start[user], start[user + 1])
                : new int[0];
    }

    /** The item at {@code position} (0-based) of {@link #items(int)}, without copying. */
    public int rankedItem(int user, int position) {
        return ranked[start[user] + position];
    }

    /** Whether {@code user} bought {@code item}. */
    public boolean hasBought(int user, int item) {
        return slot(user, item) >= 0;
    }

    /** Decayed weight of {@code item} for {@code user}; 0 when never bought. */
    public double weight(int user, int item) {
        int slot = slot(user, item);
        return slot < 0 ? 0 : weight[slot];
    }

    /** Epoch day of the last purchase of {@code item} by {@code user}; -1 when never bought. */
    public int lastPurchaseDay(int user, int item) {
        int slot = slot(user, item);
        return slot < 0 ? -1 : lastDay[slot];
    }

    /** Days since the last purchase as of {@link #asOf()}; {@code Integer.MAX_VALUE} if none. */
    public int daysSinceLastPurchase(int user, int item) {
        int slot = slot(user, item);
        return slot < 0 ? Integer.MAX_VALUE : (int) (asOf.toEpochDay() - lastDay[slot]);
    }

    /** Number of distinct days {@code user} bought {@code item} on; 0 when never. */
    public int purchaseDays(int user, int item) {
        int slot = slot(user, item);
        return slot < 0 ? 0 : days[slot];
    }

    /** Number of purchase lines of {@code item} by {@code user}; 0 when never. */
    public int purchaseLines(int user, int item) {
        int slot = slot(user, item);
        return slot < 0 ? 0 : lines[slot];
    }

    /** Position of (user, item) in the columns, or -1. */
    private int slot(int user, int wanted) {
        if (!isKnown(user)) {
            return -1;
        }
        int slot = Arrays.binarySearch(item, start[user], start[user + 1], wanted);
        return slot < 0 ? -1 : slot;
    }

    private boolean isKnown(int user) {
        return user >= 0 && user < start.length - 1;
    }

    /** Aggregates the log, one user at a time, into columns sorted by (user, item). */
    private static final class Builder {
        private final PurchaseLog history;
        private final LocalDate asOf;
        private final double halfLifeDays;
        private final DecayUnit unit;
        private int[] start;
        private int[] item;
        private double[] weight;
        private int[] lastDay;
        private int[] days;
        private int[] lines;
        private int[] ranked;
        private int[] idOrder;

        Builder(PurchaseLog history, LocalDate asOf, double halfLifeDays, DecayUnit unit) {
            this.history = history;
            this.asOf = asOf;
            this.halfLifeDays = halfLifeDays;
            this.unit = unit;
        }

        Builder build() {
            long[] keys = sortedPurchaseKeys();
            allocate(keys.length);
            aggregate(keys);
            rankWithinUsers();
            return this;
        }

        /** One key per purchase line: user (20 bits), item (24 bits), day (20 bits), sorted. */
        private long[] sortedPurchaseKeys() {
            long[] keys = new long[history.size()];
            for (int row = 0; row < keys.length; row++) {
                keys[row] = key(history.user(row), history.item(row), history.day(row));
            }
            Arrays.sort(keys);
            return keys;
        }

        private void allocate(int capacity) {
            start = new int[history.users().size() + 1];
            item = new int[capacity];
            weight = new double[capacity];
            lastDay = new int[capacity];
            days = new int[capacity];
            lines = new int[capacity];
        }

        private void aggregate(long[] keys) {
            long asOfDay = asOf.toEpochDay();
            int slot = -1;
            long previousPair = -1;
            int previousDay = -1;
            for (long key : keys) {
                long pair = key >>> 20;
                int day = (int) (key & DAY_MASK);
                boolean newDay = pair != previousPair || day != previousDay;
                if (pair != previousPair) {
                    slot++;
                    item[slot] = (int) (pair & ITEM_MASK);
                    start[(int) (pair >>> 24) + 1]++;
                    previousPair = pair;
                }
                double decayed = Math.pow(2, -(asOfDay - day) / halfLifeDays);
                if (unit == DecayUnit.PURCHASE_LINE || newDay) {
                    weight[slot] += decayed;
                }
                lines[slot]++;
                days[slot] += newDay ? 1 : 0;
                lastDay[slot] = day;
                previousDay = day;
            }
            int used = slot + 1;
            for (int user = 0; user + 1 < start.length; user++) {
                start[user + 1] += start[user];
            }
            trim(used);
        }

        private void trim(int used) {
            item = Arrays.copyOf(item, used);
            weight = Arrays.copyOf(weight, used);
            lastDay = Arrays.copyOf(lastDay, used);
            days = Arrays.copyOf(days, used);
            lines = Arrays.copyOf(lines, used);
        }

        private void rankWithinUsers() {
            idOrder = idOrder(history);
            ranked = new int[item.length];
            for (int user = 0; user + 1 < start.length; user++) {
                int from = start[user];
                int to = start[user + 1];
                Integer[] slots = new Integer[to - from];
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = from + i;
                }
                Arrays.sort(slots, this::byWeightThenId);
                for (int i = 0; i < slots.length; i++) {
                    ranked[from + i] = item[slots[i]];
                }
            }
        }

        private int byWeightThenId(Integer a, Integer b) {
            int byWeight = Double.compare(weight[b], weight[a]);
            if (byWeight != 0) {
                return byWeight;
            }
            return Integer.compare(idOrder[item[a]], idOrder[item[b]]);
        }

        /** For each item index, its position in the string order of item ids. */
        private static int[] idOrder(PurchaseLog history) {
            Vocabulary items = history.items();
            int[] byId =
                    IntStream.range(0, items.size())
                            .boxed()
                            .sorted(Comparator.comparing(items::nameOf))
                            .mapToInt(Integer::intValue)
                            .toArray();
            int[] order = new int[byId.length];
            for (int position = 0; position < byId.length; position++) {
                order[byId[position]] = position;
            }
            return order;
        }
    }

    private static final long DAY_MASK = (1L << 20) - 1;
    private static final long ITEM_MASK = (1L << 24) - 1;

    private static long key(int user, int item, int day) {
        if (user >= 1 << 19 || item > ITEM_MASK || day < 0 || day > DAY_MASK) {
            throw new IllegalArgumentException(
                    "DecayedHistory supports up to 2^19 users, 2^24 items and days 1970-4840;"
                            + " got user "
                            + user
                            + ", item "
                            + item
                            + ", day "
                            + day);
        }
        return ((long) user << 44) | ((long) item << 20) | day;
    }
}
