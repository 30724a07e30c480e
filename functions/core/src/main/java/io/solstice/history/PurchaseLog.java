package io.solstice.history;

import io.solstice.clean.CleanPurchase;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Clean purchases in columns, ordered by the shopper's local day. Users, items and countries are
 * dense indexes into shared {@link Vocabulary vocabularies}, so a log and every time slice of it
 * agree on what index 7 means.
 *
 * <p>Days are {@link LocalDate#toEpochDay() epoch days} of the shopper's local date.
 */
public final class PurchaseLog {

    private final Vocabulary users;
    private final Vocabulary items;
    private final Vocabulary countries;
    private final int[] user;
    private final int[] item;
    private final int[] day;
    private final int[] quantity;
    private final double[] unitPrice;
    private final int[] country;
    private final int from;
    private final int to;

    private PurchaseLog(PurchaseLog whole, int from, int to) {
        this.users = whole.users;
        this.items = whole.items;
        this.countries = whole.countries;
        this.user = whole.user;
        this.item = whole.item;
        this.day = whole.day;
        this.quantity = whole.quantity;
        this.unitPrice = whole.unitPrice;
        this.country = whole.country;
        this.from = from;
        this.to = to;
    }

    private PurchaseLog(List<CleanPurchase> purchases) {
        users = new Vocabulary();
        items = new Vocabulary();
        countries = new Vocabulary();
        int n = purchases.size();
        user = new int[n];
        item = new int[n];
        day = new int[n];
        quantity = new int[n];
        unitPrice = new double[n];
        country = new int[n];

        CleanPurchase[] sorted = purchases.toArray(CleanPurchase[]::new);
        Arrays.sort(sorted, Comparator.comparing(CleanPurchase::localDate));
        for (int row = 0; row < n; row++) {
            CleanPurchase p = sorted[row];
            user[row] = users.add(p.userId());
            item[row] = items.add(p.itemId());
            day[row] = (int) p.localDate().toEpochDay();
            quantity[row] = p.quantity();
            unitPrice[row] = p.unitPrice();
            country[row] = countries.add(p.country());
        }
        from = 0;
        to = n;
    }

    /** Builds a log from clean purchases in any order. */
    public static PurchaseLog of(List<CleanPurchase> purchases) {
        return new PurchaseLog(purchases);
    }

    /** The purchases made on days strictly before {@code cutoff}. */
    public PurchaseLog before(LocalDate cutoff) {
        return new PurchaseLog(this, from, firstRowOnOrAfter(cutoff));
    }

    /** The purchases made on days in {@code [start, endExclusive)}. */
    public PurchaseLog between(LocalDate start, LocalDate endExclusive) {
        return new PurchaseLog(this, firstRowOnOrAfter(start), firstRowOnOrAfter(endExclusive));
    }

    private int firstRowOnOrAfter(LocalDate date) {
        long target = date.toEpochDay();
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (day[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of purchases in this log. Rows are numbered 0..size-1. */
    public int size() {
        return to - from;
    }

    public int user(int row) {
        return user[from + row];
    }

    public int item(int row) {
        return item[from + row];
    }

    /** The shopper's local day of the purchase, as an epoch day. */
    public int day(int row) {
        return day[from + row];
    }

    public int quantity(int row) {
        return quantity[from + row];
    }

    public double unitPrice(int row) {
        return unitPrice[from + row];
    }

    public int country(int row) {
        return country[from + row];
    }

    /** First day in this log (epoch day), or {@link Integer#MAX_VALUE} when empty. */
    public int firstDay() {
        return size() == 0 ? Integer.MAX_VALUE : day(0);
    }

    /** Last day in this log (epoch day), or {@link Integer#MIN_VALUE} when empty. */
    public int lastDay() {
        return size() == 0 ? Integer.MIN_VALUE : day(size() - 1);
    }

    /** Shared by the whole log and all its slices: indexes may exceed what this slice uses. */
    public Vocabulary users() {
        return users;
    }

    public Vocabulary items() {
        return items;
    }

    public Vocabulary countries() {
        return countries;
    }
}
