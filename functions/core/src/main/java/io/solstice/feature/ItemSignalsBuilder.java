package io.solstice.feature;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes {@link ItemSignals} from a purchase log. */
final class ItemSignalsBuilder {

    /** Neighbours kept per item: enough for kNN scores, small enough to ship with the model. */
    static final int NEIGHBOURS_PER_ITEM = 100;

    /** Pseudo-count pulling the holiday affinity of rarely sold items towards "no affinity". */
    private static final double AFFINITY_PRIOR_LINES = 20.0;

    private final PurchaseLog history;
    private final Map<String, String> descriptions;
    private final SeasonCalendar calendar;
    private final int items;

    ItemSignalsBuilder(
            PurchaseLog history, Map<String, String> descriptions, SeasonCalendar calendar) {
        this.history = history;
        this.descriptions = descriptions;
        this.calendar = calendar;
        this.items = history.items().size();
    }

    ItemSignals build() {
        int firstDay = history.size() == 0 ? 0 : history.firstDay();
        int dayCount = history.size() == 0 ? 0 : history.lastDay() - firstDay + 1;
        int[] firstSale = new int[items];
        Arrays.fill(firstSale, Integer.MAX_VALUE);
        int[] cumulative = cumulativeDailyBuyers(firstDay, dayCount, firstSale);

        ItemSimilarity similarity =
                ItemSimilarity.cosineOverBuyers(history).keepTopNeighbours(NEIGHBOURS_PER_ITEM);
        List<String> holidays = calendar.holidayNames();

        return neighboursOf(similarity)
                .into(
                        history.items().names().subList(0, items),
                        firstDay,
                        dayCount,
                        cumulative,
                        firstSale,
                        holidays,
                        holidaySalesAffinity(holidays),
                        holidayText(holidays));
    }

    /** Daily distinct buyers per item, as running totals; also fills each item's first sale day. */
    private int[] cumulativeDailyBuyers(int firstDay, int dayCount, int[] firstSale) {
        int stride = dayCount + 1;
        int[] cumulative = new int[items * stride];
        Set<Long> seen = new HashSet<>();
        int currentDay = Integer.MIN_VALUE;
        for (int row = 0; row < history.size(); row++) {
            int day = history.day(row);
            if (day != currentDay) {
                seen.clear();
                currentDay = day;
            }
            int item = history.item(row);
            firstSale[item] = Math.min(firstSale[item], day);
            if (seen.add(((long) item << 32) | history.user(row))) {
                cumulative[item * stride + (day - firstDay) + 1]++;
            }
        }
        for (int item = 0; item < items; item++) {
            for (int d = 1; d < stride; d++) {
                cumulative[item * stride + d] += cumulative[item * stride + d - 1];
            }
        }
        return cumulative;
    }

    /**
     * Per item and holiday, {@code log((lines in lead-in + prior · p) / (lines + prior) / p)},
     * where {@code p} is the share of all lines that fell in that holiday's lead-in windows:
     * positive for items that sell for the holiday, negative for items that sell less then.
     */
    private float[] holidaySalesAffinity(List<String> holidays) {
        int columns = holidays.size();
        double[] inWindow = new double[items * columns];
        double[] lines = new double[items];
        double[] shopInWindow = new double[columns];
        Map<Long, boolean[]> windowsByDayAndCountry = new HashMap<>();

        for (int row = 0; row < history.size(); row++) {
            int item = history.item(row);
            boolean[] active = activeHolidays(row, holidays, windowsByDayAndCountry);
            lines[item]++;
            for (int h = 0; h < columns; h++) {
                if (active[h]) {
                    inWindow[item * columns + h]++;
                    shopInWindow[h]++;
                }
            }
        }
        return affinities(inWindow, lines, shopInWindow, columns);
    }

    private boolean[] activeHolidays(int row, List<String> holidays, Map<Long, boolean[]> cache) {
        int day = history.day(row);
        int countryIndex = history.country(row);
        long key = ((long) day << 20) | countryIndex;
        return cache.computeIfAbsent(
                key,
                k -> {
                    Country country = calendar.country(history.countries().nameOf(countryIndex));
                    LocalDate date = LocalDate.ofEpochDay(day);
                    boolean[] active = new boolean[holidays.size()];
                    for (int h = 0; h < active.length; h++) {
                        active[h] = calendar.leadIn(holidays.get(h), date, country) > 0;
                    }
                    return active;
                });
    }

    private float[] affinities(
            double[] inWindow, double[] lines, double[] shopInWindow, int columns) {
        float[] affinity = new float[items * columns];
        double total = Math.max(1, history.size());
        for (int h = 0; h < columns; h++) {
            double share = shopInWindow[h] / total;
            if (share <= 0 || share >= 1) {
                continue;
            }
            for (int item = 0; item < items; item++) {
                double itemShare =
                        (inWindow[item * columns + h] + AFFINITY_PRIOR_LINES * share)
                                / (lines[item] + AFFINITY_PRIOR_LINES);
                affinity[item * columns + h] = (float) Math.log(itemShare / share);
            }
        }
        return affinity;
    }

    private float[] holidayText(List<String> holidays) {
        float[] text = new float[items * holidays.size()];
        for (int item = 0; item < items; item++) {
            String description = descriptions.get(history.items().nameOf(item));
            for (String holiday : calendar.holidaysMentionedIn(description)) {
                text[item * holidays.size() + holidays.indexOf(holiday)] = 1f;
            }
        }
        return text;
    }

    private Neighbours neighboursOf(ItemSimilarity similarity) {
        int[] start = new int[items + 1];
        for (int item = 0; item < items; item++) {
            int count = item < similarity.itemCount() ? similarity.neighbourCount(item) : 0;
            start[item + 1] = start[item] + count;
        }
        int[] neighbour = new int[start[items]];
        float[] weight = new float[start[items]];
        for (int item = 0; item < items; item++) {
            for (int i = 0; i < start[item + 1] - start[item]; i++) {
                neighbour[start[item] + i] = similarity.neighbour(item, i);
                weight[start[item] + i] = (float) similarity.neighbourSimilarity(item, i);
            }
        }
        return new Neighbours(start, neighbour, weight);
    }

    private record Neighbours(int[] start, int[] neighbour, float[] similarity) {

        ItemSignals into(
                List<String> itemIds,
                int firstDay,
                int dayCount,
                int[] cumulative,
                int[] firstSale,
                List<String> holidays,
                float[] affinity,
                float[] text) {
            return new ItemSignals(
                    List.copyOf(itemIds),
                    firstDay,
                    dayCount,
                    cumulative,
                    firstSale,
                    start,
                    neighbour,
                    similarity,
                    holidays,
                    affinity,
                    text);
        }
    }
}
