package io.solstice.quality.internal;

import java.util.Arrays;

/** Ingestion lags in milliseconds, summarised as median, 95th percentile and maximum. */
public final class LagSample {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private long[] lags = new long[1024];
    private int size;
    private long negative;

    /** Adds one lag; a negative one (stored before it happened) is counted apart too. */
    public void add(long lagMillis) {
        if (size == lags.length) {
            lags = Arrays.copyOf(lags, size * 2);
        }
        lags[size++] = lagMillis;
        if (lagMillis < 0) {
            negative++;
        }
    }

    public int size() {
        return size;
    }

    public long negative() {
        return negative;
    }

    /** The nearest-rank percentile {@code p} (0 to 1] in hours; 0 when empty. */
    public double percentileHours(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(lags, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * size);
        return sorted[Math.max(0, rank - 1)] / MILLIS_PER_HOUR;
    }
}
