package io.solstice.benchmark;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistory;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A production-sized stand-in for a published model: item signals of {@value #ITEMS} items over two
 * years (daily buyers with Zipf-like popularity, {@value #NEIGHBOURS} neighbours per item, the real
 * holiday columns) and network weights drawn at random with the real feature names and the default
 * hyperparameters. The numbers mean nothing; the shapes, and so the work per candidate, are those
 * of a real model. Deterministic for a seed.
 */
final class SyntheticModel {

    /** Items in the catalogue, as in a mid-sized shop. */
    static final int ITEMS = 10_000;

    /** Users with an embedding row. */
    static final int USERS = 50_000;

    /** Days of daily buyer counts. */
    static final int DAYS = 730;

    /** Item-to-item neighbours kept per item. */
    static final int NEIGHBOURS = 30;

    /** The day ranked for: the last day of the signals, in the Christmas lead-in. */
    static final LocalDate RANK_DATE = LocalDate.of(2011, 12, 1);

    private SyntheticModel() {}

    static ItemSignals signals(SeasonCalendar calendar, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            ids.add(Integer.toString(100_000 + i));
        }
        int firstDay = (int) RANK_DATE.toEpochDay() - DAYS;
        int[] firstSale = new int[ITEMS];
        int[] cumulative = new int[ITEMS * (DAYS + 1)];
        for (int item = 0; item < ITEMS; item++) {
            firstSale[item] = firstDay + random.nextInt(DAYS - 7);
            double rate = 20.0 / (1 + item % 997);
            int base = item * (DAYS + 1);
            for (int d = 0; d < DAYS; d++) {
                boolean selling = firstDay + d >= firstSale[item];
                int buyers = selling ? poisson(rate, random) : 0;
                cumulative[base + d + 1] = cumulative[base + d] + buyers;
            }
        }

        int[] start = new int[ITEMS + 1];
        int[] neighbours = new int[ITEMS * NEIGHBOURS];
        float[] similarity = new float[ITEMS * NEIGHBOURS];
        for (int item = 0; item < ITEMS; item++) {
            start[item + 1] = start[item] + NEIGHBOURS;
            for (int n = 0; n < NEIGHBOURS; n++) {
                neighbours[item * NEIGHBOURS + n] = random.nextInt(ITEMS);
                similarity[item * NEIGHBOURS + n] = (float) random.nextDouble(0.01, 0.6);
            }
        }

        List<String> holidays = calendar.holidayNames();
        float[] affinity = new float[ITEMS * holidays.size()];
        float[] text = new float[ITEMS * holidays.size()];
        for (int i = 0; i < affinity.length; i++) {
            affinity[i] = random.nextInt(10) == 0 ? (float) random.nextDouble(-1, 2) : 0f;
            text[i] = random.nextInt(50) == 0 ? 1f : 0f;
        }
        return new ItemSignals(
                ids,
                firstDay,
                DAYS,
                cumulative,
                firstSale,
                start,
                neighbours,
                similarity,
                holidays,
                affinity,
                text);
    }

    static RankingModelWeights weights(List<String> itemIds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RankingHyperparameters hyper = RankingHyperparameters.defaults();
        int features = CandidateFeatures.COUNT;
        int hidden = hyper.hiddenWidth();
        int dim = hyper.embeddingDim();
        List<String> users = userIds();
        float[] min = new float[features];
        float[] max = new float[features];
        java.util.Arrays.fill(min, -1e3f);
        java.util.Arrays.fill(max, 1e3f);
        return new RankingModelWeights(
                CandidateFeatures.NAMES,
                min,
                max,
                gaussian(features, 0.5, random),
                uniform(features, 0.5, 2, random),
                gaussian(features * hidden, 0.3, random),
                gaussian(hidden, 0.1, random),
                gaussian(hidden, 0.3, random),
                gaussian(features, 0.3, random),
                0.1f,
                dim,
                users,
                itemIds,
                embeddings(users.size(), dim, random),
                embeddings(itemIds.size(), dim, random),
                embeddings(itemIds.size(), RankingModelWeights.SEASON_WIDTH, random));
    }

    /** The {@link #USERS} user ids of the model, from 10000 on. */
    static List<String> userIds() {
        List<String> users = new ArrayList<>(USERS);
        for (int u = 0; u < USERS; u++) {
            users.add(Integer.toString(10_000 + u));
        }
        return users;
    }

    /** A regular shopper: {@code items} distinct items bought over the last year. */
    static ShopperHistory shopper(int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int today = (int) RANK_DATE.toEpochDay();
        int purchases = items * 3;
        int[] bought = new int[purchases];
        int[] days = new int[purchases];
        for (int p = 0; p < purchases; p++) {
            bought[p] = random.nextInt(ITEMS) % Math.max(1, items * 7);
            days[p] = today - 1 - random.nextInt(365);
        }
        return ShopperHistory.of(bought, days, purchases, today);
    }

    private static int poisson(double rate, SplittableRandom random) {
        double limit = Math.exp(-Math.min(rate, 30));
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static float[] gaussian(int size, double sd, SplittableRandom random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            double u = Math.max(1e-12, random.nextDouble());
            double v = random.nextDouble();
            values[i] = (float) (sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return values;
    }

    private static float[] uniform(int size, double from, double to, SplittableRandom random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(from, to);
        }
        return values;
    }

    /** Row 0 (the unknown id) all zeros, as in a trained model. */
    private static float[] embeddings(int ids, int width, SplittableRandom random) {
        float[] values = gaussian((ids + 1) * width, 0.1, random);
        java.util.Arrays.fill(values, 0, width, 0f);
        return values;
    }
}
