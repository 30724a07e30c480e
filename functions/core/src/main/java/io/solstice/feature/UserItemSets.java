package io.solstice.feature;

import io.solstice.history.PurchaseLog;
import java.util.Arrays;

/**
 * The distinct items each user bought in a {@link PurchaseLog}, as sorted item indexes.
 *
 * <p>User and item indexes are those of the log's shared vocabularies; a user who bought nothing in
 * the log has an empty set. Immutable and safe to read from many threads.
 */
public final class UserItemSets {

    private final int[] start;
    private final int[] items;

    private UserItemSets(int[] start, int[] items) {
        this.start = start;
        this.items = items;
    }

    /** The item sets of every user in {@code log}. Time: O(rows log rows). */
    public static UserItemSets of(PurchaseLog log) {
        int users = log.users().size();
        long[] pairs = new long[log.size()];
        for (int row = 0; row < log.size(); row++) {
            pairs[row] = ((long) log.user(row) << 32) | log.item(row);
        }
        Arrays.sort(pairs);

        int[] start = new int[users + 1];
        int[] items = new int[pairs.length];
        int count = 0;
        long previous = -1;
        for (long pair : pairs) {
            if (pair != previous) {
                items[count++] = (int) pair;
                start[(int) (pair >>> 32) + 1]++;
                previous = pair;
            }
        }
        for (int user = 0; user < users; user++) {
            start[user + 1] += start[user];
        }
        return new UserItemSets(start, Arrays.copyOf(items, count));
    }

    /** Number of users in the vocabulary (users who bought nothing included). */
    public int userCount() {
        return start.length - 1;
    }

    /** Number of distinct items {@code user} bought; 0 for an unknown user index. */
    public int size(int user) {
        return isKnown(user) ? start[user + 1] - start[user] : 0;
    }

    /** The items {@code user} bought, ascending; a new array each call. */
    public int[] items(int user) {
        return isKnown(user) ? Arrays.copyOfRange(items, start[user], start[user + 1]) : new int[0];
    }

    /** The {@code i}-th item (ascending) of {@code user}'s set, for loops without copying. */
    public int item(int user, int i) {
        return items[start[user] + i];
    }

    /** Whether {@code user} bought {@code item}. Time: O(log size). */
    public boolean contains(int user, int item) {
        if (!isKnown(user)) {
            return false;
        }
        return Arrays.binarySearch(items, start[user], start[user + 1], item) >= 0;
    }

    private boolean isKnown(int user) {
        return user >= 0 && user < start.length - 1;
    }
}
