package io.solstice.quality.internal;

import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The median positive unit price of each item over its purchase lines, for the price outlier rule:
 * a purchase line is an outlier when its price is above {@code factor} times its item's median.
 * Items with fewer than {@code minLines} priced lines have no median and no outliers.
 */
public final class PriceMedians {

    private final Map<String, Double> medians;
    private final double factor;

    private PriceMedians(Map<String, Double> medians, double factor) {
        this.medians = medians;
        this.factor = factor;
    }

    /** The medians of {@code events}' purchase lines. */
    public static PriceMedians of(List<Interaction> events, double factor, int minLines) {
        Map<String, double[]> prices = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (Interaction event : events) {
            if (isPricedPurchase(event)) {
                add(prices, sizes, event);
            }
        }

        Map<String, Double> medians = new HashMap<>();
        prices.forEach(
                (item, values) -> {
                    int size = sizes.get(item);
                    if (size >= minLines) {
                        medians.put(item, median(values, size));
                    }
                });
        return new PriceMedians(medians, factor);
    }

    /** True for a purchase line priced above {@code factor} times its item's median. */
    public boolean isOutlier(Interaction event) {
        Double median = medians.get(event.itemId());
        return median != null && isPricedPurchase(event) && event.unitPrice() > factor * median;
    }

    private static boolean isPricedPurchase(Interaction event) {
        return event.type() == InteractionType.PURCHASE
                && !PurchaseCleaner.isCancellation(event)
                && event.unitPrice() > 0;
    }

    private static void add(
            Map<String, double[]> prices, Map<String, Integer> sizes, Interaction event) {
        String item = event.itemId();
        int size = sizes.getOrDefault(item, 0);
        double[] values = prices.computeIfAbsent(item, i -> new double[8]);
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            prices.put(item, values);
        }
        values[size] = event.unitPrice();
        sizes.put(item, size + 1);
    }

    /** The median of the first {@code size} values (the mean of the middle two when even). */
    static double median(double[] values, int size) {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int middle = size / 2;
        return size % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
