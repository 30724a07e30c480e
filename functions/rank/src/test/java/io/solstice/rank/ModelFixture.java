package io.solstice.rank;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.clean.CleanPurchase;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistories;
import io.solstice.history.PurchaseLog;
import io.solstice.model.CatalogEntry;
import io.solstice.model.ModelManifest;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.RankingModelWeights;
import io.solstice.model.ServingModel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A small, real {@link ServingModel} for tests: item signals computed from a year of purchases by
 * eight shoppers of nine products, and network weights chosen by hand (no training) so that the
 * outcome is predictable: a shopper's own due re-orders score highest, then items bought by many
 * shoppers lately and items with an affinity to a holiday in its lead-in.
 *
 * <p>The {@link #KNOWN_SHOPPER} buys {@link #HEART_HOLDER} every two weeks from August to October
 * 2011 and {@link #CAKE_STAND} once in March; {@link #knownShopperEvents()} are the same purchases
 * as stored events, plus events the cleaning rules drop and one after the dates the tests ask for.
 */
public final class ModelFixture {

    /** The version the fixture is published as. */
    public static final String VERSION = "20111115T060000Z-test";

    /** A shopper the model and the events table know. */
    public static final String KNOWN_SHOPPER = "17850";

    /** Bought by the known shopper every 14 days from 2011-08-01 to 2011-10-31. */
    public static final String HEART_HOLDER = "85123A";

    /** Bought by the known shopper on 2011-03-10. */
    public static final String CAKE_STAND = "22423";

    /** Bought by many shoppers before Christmas; its title names Christmas. */
    public static final String PAPER_CHAIN = "22086";

    /** First sold on 2011-10-20; bought by the known shopper on 2011-11-20 only (in the events). */
    public static final String NIGHT_LIGHT = "23084";

    /** The day the tests rank for: the known shopper is due to re-order the heart holder. */
    public static final LocalDate RANK_DATE = LocalDate.of(2011, 11, 15);

    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(HEART_HOLDER, "WHITE HANGING HEART T-LIGHT HOLDER");
        TITLES.put(CAKE_STAND, "REGENCY CAKESTAND 3 TIER");
        TITLES.put(PAPER_CHAIN, "PAPER CHAIN KIT 50'S CHRISTMAS");
        TITLES.put("22633", "HAND WARMER UNION JACK");
        TITLES.put("20725", "LUNCH BAG RED RETROSPOT");
        TITLES.put("21212", "PACK OF 72 RETROSPOT CAKE CASES");
        TITLES.put("23076", "PICNIC BASKET WICKER SMALL");
        TITLES.put(NIGHT_LIGHT, "RABBIT NIGHT LIGHT");
        TITLES.put("22219", "LOVEBIRD HANGING DECORATION WHITE");
    }

    /** Catalogue categories: two items each in home and kitchen, one in each of the others. */
    static final Map<String, String> CATEGORIES =
            Map.of(
                    HEART_HOLDER,
                    "home",
                    "22219",
                    "home",
                    CAKE_STAND,
                    "kitchen",
                    "21212",
                    "kitchen",
                    PAPER_CHAIN,
                    "christmas",
                    "22633",
                    "accessories",
                    "20725",
                    "bags",
                    "23076",
                    "garden");

    private static final Map<String, Float> LINEAR =
            Map.ofEntries(
                    Map.entry("history_weight", 1.5f),
                    Map.entry("history_days", 0.5f),
                    Map.entry("history_recency", 0.3f),
                    Map.entry("cadence_due", 1.0f),
                    Map.entry("knn_score", 0.3f),
                    Map.entry("knn_share", 0.2f),
                    Map.entry("buyers_7d", 0.4f),
                    Map.entry("buyers_28d", 0.4f),
                    Map.entry("buyers_all", 0.2f),
                    Map.entry("trend_7d_28d", 0.1f),
                    Map.entry("buyers_same_weeks_last_year", 0.2f),
                    Map.entry("holiday_sales_affinity_now", 0.6f),
                    Map.entry("holiday_text_now", 0.4f),
                    Map.entry("holiday_text_out_of_season", -0.5f));

    private static final List<String> OTHER_SHOPPERS =
            List.of("12347", "12583", "13047", "14688", "15311", "16029", "18102");

    private ModelFixture() {}

    /** The model with the features this build computes. */
    public static ServingModel servingModel() {
        return servingModel(CandidateFeatures.NAMES);
    }

    /**
     * The model, its network declaring {@code featureNames} (of the same count as {@link
     * CandidateFeatures#NAMES}) so that a mismatch can be tested.
     */
    public static ServingModel servingModel(List<String> featureNames) {
        PurchaseLog log = PurchaseLog.of(purchases());
        ItemSignals signals = ItemSignals.of(log, TITLES, SeasonCalendar.standard());
        RankingModelWeights weights = weights(featureNames, log, signals);
        return new ServingModel(manifest(featureNames, log), weights, signals, catalog());
    }

    /** Catalogue prices; the night light has none. */
    static final Map<String, Double> PRICES =
            Map.of(
                    HEART_HOLDER,
                    2.55,
                    CAKE_STAND,
                    12.75,
                    PAPER_CHAIN,
                    2.95,
                    "22633",
                    2.10,
                    "20725",
                    1.65,
                    "21212",
                    0.55,
                    "23076",
                    4.95,
                    "22219",
                    0.85);

    /**
     * The catalogue snapshot: every item but {@link #NIGHT_LIGHT}, which has no title, category or
     * price; categories from {@link #CATEGORIES}, prices from {@link #PRICES}, all in stock.
     */
    static List<CatalogEntry> catalog() {
        return TITLES.entrySet().stream()
                .filter(e -> !e.getKey().equals(NIGHT_LIGHT))
                .map(
                        e ->
                                new CatalogEntry(
                                        e.getKey(),
                                        e.getValue(),
                                        CATEGORIES.get(e.getKey()),
                                        PRICES.get(e.getKey()),
                                        true))
                .toList();
    }

    /** The training purchases of every shopper. */
    public static List<CleanPurchase> purchases() {
        List<CleanPurchase> purchases = new ArrayList<>(knownShopperPurchases());
        for (int s = 0; s < OTHER_SHOPPERS.size(); s++) {
            String shopper = OTHER_SHOPPERS.get(s);
            buy(purchases, shopper, PAPER_CHAIN, LocalDate.of(2010, 12, 1 + s));
            buy(purchases, shopper, PAPER_CHAIN, LocalDate.of(2011, 10, 10 + s));
            buy(purchases, shopper, PAPER_CHAIN, LocalDate.of(2011, 11, 1 + s));
            buy(purchases, shopper, "23076", LocalDate.of(2011, 6, 20 + s));
            buy(purchases, shopper, NIGHT_LIGHT, LocalDate.of(2011, 10, 20 + s));
            buy(purchases, shopper, "22219", LocalDate.of(2011, 2, 1 + s));
            for (int month = 1; month <= 11; month += 2) {
                buy(purchases, shopper, "20725", LocalDate.of(2011, month, 3 + s));
                buy(purchases, shopper, "21212", LocalDate.of(2011, month, 12 + s));
            }
            if (s % 2 == 0) {
                buy(purchases, shopper, "22633", LocalDate.of(2010, 12, 10 + s));
                buy(purchases, shopper, "22633", LocalDate.of(2011, 11, 8 + s));
            }
        }
        buy(purchases, "13047", HEART_HOLDER, LocalDate.of(2011, 2, 1));
        buy(purchases, "12583", CAKE_STAND, LocalDate.of(2011, 5, 5));
        return purchases;
    }

    /** The known shopper's purchases as the model saw them. */
    static List<CleanPurchase> knownShopperPurchases() {
        List<CleanPurchase> purchases = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2011, 8, 1);
                !day.isAfter(LocalDate.of(2011, 10, 31));
                day = day.plusDays(14)) {
            buy(purchases, KNOWN_SHOPPER, HEART_HOLDER, day);
        }
        buy(purchases, KNOWN_SHOPPER, CAKE_STAND, LocalDate.of(2011, 3, 10));
        return purchases;
    }

    /**
     * The known shopper's stored events: the purchases above, plus a view, a return, a non-product
     * line and a purchase after {@link #RANK_DATE}, which the function must not count.
     */
    public static List<Interaction> knownShopperEvents() {
        List<Interaction> events = new ArrayList<>();
        for (CleanPurchase p : knownShopperPurchases()) {
            events.add(event(p.eventId(), InteractionType.PURCHASE, p.itemId(), 6, p.localDate()));
        }
        LocalDate lastVisit = LocalDate.of(2011, 11, 2);
        events.add(event("k-view", InteractionType.VIEW, "20725", 1, lastVisit));
        events.add(event("k-return", InteractionType.RETURN, CAKE_STAND, -1, lastVisit));
        events.add(event("k-postage", InteractionType.PURCHASE, "POST", 1, lastVisit));
        events.add(
                event("k-later", InteractionType.PURCHASE, NIGHT_LIGHT, 2, lastVisit.plusDays(18)));
        return events;
    }

    private static Interaction event(
            String id, InteractionType type, String item, int quantity, LocalDate day) {
        OffsetDateTime at = day.atTime(10, 30).atOffset(ZoneOffset.UTC);
        return new Interaction(
                id, type, KNOWN_SHOPPER, item, quantity, 2.55, at, "United Kingdom", "o-" + id);
    }

    private static void buy(List<CleanPurchase> into, String user, String item, LocalDate day) {
        String id = "p-" + user + "-" + item + "-" + day;
        into.add(new CleanPurchase(id, user, item, day, 1, 2.55, "United Kingdom"));
    }

    private static ModelManifest manifest(List<String> featureNames, PurchaseLog log) {
        return new ModelManifest(
                VERSION,
                "2011-11-15T06:00:00Z",
                LocalDate.ofEpochDay(log.firstDay()).toString(),
                LocalDate.ofEpochDay(log.lastDay()).toString(),
                log.size(),
                log.size(),
                RankingHyperparameters.defaults(),
                List.of("2011-10-01", "2011-11-01"),
                "2011-11-08",
                "test",
                "CPU",
                featureNames,
                List.of(0.5f),
                Map.of());
    }

    /**
     * Weights by hand on standardised features, as training would standardise them: the mean and
     * scale of each feature over every shopper of the log and every item on {@link #RANK_DATE}. The
     * shopper's own history and cadence weigh most, then recent buyers and holiday affinity; a
     * small hidden layer, and small embeddings and season vectors so that every term of the network
     * is exercised. Weights are given by feature name, so features added later weigh 0.
     */
    private static RankingModelWeights weights(
            List<String> featureNames, PurchaseLog log, ItemSignals signals) {
        int features = featureNames.size();
        int hidden = 2;
        int dim = 2;
        int items = signals.itemCount();
        float[] linear = new float[features];
        for (int k = 0; k < features; k++) {
            linear[k] = LINEAR.getOrDefault(featureNames.get(k), 0f);
        }

        float[] hiddenKernel = new float[features * hidden];
        hiddenKernel[0] = 0.2f;
        hiddenKernel[7 * hidden + 1] = 0.1f;
        float[][] standardisation = standardisation(log, signals);
        List<String> users = log.users().names();
        float[] unboundedMin = new float[features];
        float[] unboundedMax = new float[features];
        java.util.Arrays.fill(unboundedMin, -Float.MAX_VALUE);
        java.util.Arrays.fill(unboundedMax, Float.MAX_VALUE);
        return new RankingModelWeights(
                featureNames,
                unboundedMin,
                unboundedMax,
                standardisation[0],
                standardisation[1],
                hiddenKernel,
                new float[] {0.01f, 0.02f},
                new float[] {0.5f, 0.3f},
                linear,
                0.1f,
                dim,
                users,
                signals.itemIds(),
                small(users.size() + 1, dim, 0.01f),
                small(items + 1, dim, 0.02f),
                small(items + 1, RankingModelWeights.SEASON_WIDTH, 0.03f));
    }

    /** Mean and standard deviation (at least 0.001) of each feature over all shopper-item rows. */
    private static float[][] standardisation(PurchaseLog log, ItemSignals signals) {
        SeasonCalendar calendar = SeasonCalendar.standard();
        CandidateFeatures features = new CandidateFeatures(signals, calendar);
        CandidateFeatures.Context context =
                features.context(RANK_DATE, calendar.country("United Kingdom"));
        ShopperHistories shoppers = ShopperHistories.of(log);
        int[] candidates = IntStream.range(0, signals.itemCount()).toArray();
        int width = CandidateFeatures.COUNT;
        float[] rows = new float[candidates.length * width];

        double[] sum = new double[width];
        double[] squares = new double[width];
        int users = log.users().size();
        for (int user = 0; user < users; user++) {
            features.fill(shoppers.asOf(user, context.day()), context, candidates, rows);
            for (int i = 0; i < rows.length; i++) {
                sum[i % width] += rows[i];
                squares[i % width] += (double) rows[i] * rows[i];
            }
        }

        double count = (double) users * candidates.length;
        float[][] standardisation = new float[2][width];
        for (int k = 0; k < width; k++) {
            double mean = sum[k] / count;
            double variance = Math.max(0, squares[k] / count - mean * mean);
            standardisation[0][k] = (float) mean;
            standardisation[1][k] = (float) Math.max(1e-3, Math.sqrt(variance));
        }
        return standardisation;
    }

    /** Row 0 (unknown) zeros, other rows small deterministic values. */
    private static float[] small(int rows, int width, float step) {
        float[] values = new float[rows * width];
        for (int i = width; i < values.length; i++) {
            values[i] = step * ((i % 5) - 2);
        }
        return values;
    }
}
