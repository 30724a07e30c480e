package io.solstice.quality.internal;

import io.solstice.quality.DataQualityReport.DayVolume;
import io.solstice.quality.DataQualityReport.LowDay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Events per local day, and the days with none or unusually few. */
public final class DailyVolumes {

    private final TreeMap<LocalDate, long[]> counts = new TreeMap<>();

    /**
     * Counts one event.
     *
     * @param purchaseLine a purchase that is not a cancellation
     * @param zeroPrice a purchase line priced zero or below
     */
    public void add(LocalDate day, boolean purchaseLine, boolean zeroPrice) {
        long[] count = counts.computeIfAbsent(day, d -> new long[3]);
        count[0]++;
        if (purchaseLine) {
            count[1]++;
        }
        if (purchaseLine && zeroPrice) {
            count[2]++;
        }
    }

    /** Every day from the first to the last with events, empty days included. */
    public List<DayVolume> days() {
        List<DayVolume> days = new ArrayList<>();
        if (counts.isEmpty()) {
            return days;
        }
        for (LocalDate day = counts.firstKey();
                !day.isAfter(counts.lastKey());
                day = day.plusDays(1)) {
            long[] count = counts.getOrDefault(day, new long[3]);
            days.add(new DayVolume(day, count[0], count[1], count[2]));
        }
        return days;
    }

    /** Days without events, Saturdays and Sundays included when {@code weekend}, else excluded. */
    public static List<LocalDate> emptyDays(List<DayVolume> days, boolean weekend) {
        return days.stream()
                .filter(day -> day.events() == 0)
                .map(DayVolume::date)
                .filter(date -> isWeekend(date) == weekend)
                .toList();
    }

    /**
     * Days with events but fewer than {@code fraction} of the median of the trading days (days with
     * events) in the {@code trailingDays} calendar days before; a day needs {@code minTradingDays}
     * such days to be judged.
     */
    public static List<LowDay> lowDays(
            List<DayVolume> days, double fraction, int trailingDays, int minTradingDays) {
        List<LowDay> low = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayVolume day = days.get(i);
            if (day.events() == 0) {
                continue;
            }
            long[] trailing = tradingCounts(days, i, trailingDays);
            if (trailing.length < minTradingDays) {
                continue;
            }
            double median = median(trailing);
            if (day.events() < fraction * median) {
                low.add(new LowDay(day.date(), day.events(), median));
            }
        }
        return low;
    }

    private static long[] tradingCounts(List<DayVolume> days, int index, int trailingDays) {
        return days.subList(Math.max(0, index - trailingDays), index).stream()
                .mapToLong(DayVolume::events)
                .filter(events -> events > 0)
                .toArray();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1
                ? sorted[middle]
                : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
