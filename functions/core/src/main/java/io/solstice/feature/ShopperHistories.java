package io.solstice.feature;

import io.solstice.history.PurchaseLog;
import java.util.Arrays;

/**
 * Every shopper's purchases in a log, grouped by shopper, from which a {@link ShopperHistory} as of
 * any date can be taken. Also remembers each shopper's latest country.
 */
public final class ShopperHistories {

    private final int[] start;
    private final int[] items;
    private final int[] days;
    private final int[] country;

    private ShopperHistories(int[] start, int[] items, int[] days, int[] country) {
        this.start = start;
        this.items = items;
        this.days = days;
        this.country = country;
    }

    /** Groups {@code log} by shopper (indexes of the log's user vocabulary). */
    public static ShopperHistories of(PurchaseLog log) {
        int users = log.users().size();
        int[] start = new int[users + 1];
        for (int row = 0; row < log.size(); row++) {
            start[log.user(row) + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }

        int[] next = Arrays.copyOf(start, users);
        int[] items = new int[log.size()];
        int[] days = new int[log.size()];
        int[] country = new int[users];
        Arrays.fill(country, -1);
        for (int row = 0; row < log.size(); row++) {
            int user = log.user(row);
            int slot = next[user]++;
            items[slot] = log.item(row);
            days[slot] = log.day(row);
            country[user] = log.country(row);
        }
        return new ShopperHistories(start, items, days, country);
    }

    /** {@code user}'s history as of {@code asOfDay} (purchases on or after it are left out). */
    public ShopperHistory asOf(int user, int asOfDay) {
        if (user < 0 || user + 1 >= start.length || start[user] == start[user + 1]) {
            return ShopperHistory.empty();
        }
        int from = start[user];
        int count = start[user + 1] - from;
        return ShopperHistory.of(
                Arrays.copyOfRange(items, from, from + count),
                Arrays.copyOfRange(days, from, from + count),
                count,
                asOfDay);
    }

    /** Whether {@code user} bought anything in this log. */
    public boolean hasPurchases(int user) {
        return user >= 0 && user + 1 < start.length && start[user] < start[user + 1];
    }

    /** Country index (log's country vocabulary) of the shopper's latest purchase; -1 if none. */
    public int latestCountry(int user) {
        return user >= 0 && user < country.length ? country[user] : -1;
    }
}
