package io.solstice.train.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistories;
import io.solstice.feature.ShopperHistory;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import io.solstice.score.ModelScorer;
import io.solstice.score.RankedItem;
import io.solstice.score.SeasonalRanker;
import io.solstice.train.data.TrainingData;
import io.solstice.train.data.TrainingDataSource;
import io.solstice.train.model.ModelTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In mid-July, last winter's Christmas best seller must not reach the top 10 of a guest or of any
 * recent shopper who did not buy it last winter, while the shop's all-season best seller keeps its
 * place in the guest's top 10. Trained on the real Online Retail purchases before 2011-07-15; both
 * items are picked from the data by rule, not by id. Skipped only when the data file is absent.
 *
 * <p>Its December buyers are left out on purpose: this is a wholesaler, and 4 of the 45 December-
 * only buyers of the item who ordered anything between 15 July and 11 August 2011 re-ordered it
 * then (stocking up for the next Christmas), a rate far above that of a typical item, so the model
 * is right to keep it in view for them.
 */
class OutOfSeasonTest {

    private static final LocalDate MID_JULY = LocalDate.of(2011, 7, 15);
    private static final int TOP = 10;

    private static final SeasonCalendar CALENDAR = SeasonCalendar.standard();

    private static PurchaseLog history;
    private static SeasonalRanker ranker;
    private static CandidateFeatures.Context britishJuly;
    private static ShopperHistories shoppers;
    private static int christmasItem;
    private static int allSeasonItem;

    @BeforeAll
    static void trainInMidJuly() throws IOException {
        Path file = dataFile();
        assumeTrue(Files.isRegularFile(file), "Online Retail file not found at " + file);
        TrainingData data = TrainingDataSource.fromCsv(file, ColumnMapping.onlineRetail());
        history = data.log().before(MID_JULY);

        ModelTraining training =
                new ModelTraining(
                        CALENDAR, RankingHyperparameters.defaults(), TrainingSchedule.defaults());
        CandidateFeatures features =
                new CandidateFeatures(
                        ItemSignals.of(history, data.descriptions(), CALENDAR), CALENDAR);
        try (ModelTraining.Outcome outcome =
                training.train(history, MID_JULY, data.descriptions())) {
            ranker =
                    new SeasonalRanker(
                            new ModelScorer(outcome.all().network().weights()),
                            new ModelScorer(outcome.discovery().network().weights()),
                            new ModelScorer(outcome.newcomer().network().weights()),
                            features);
        }
        britishJuly = features.context(MID_JULY, CALENDAR.country("United Kingdom"));
        shoppers = ShopperHistories.of(history);
        christmasItem = mostBoughtChristmasItemOfDecember(data.descriptions());
        allSeasonItem = bestSellerOfEveryMonth();
    }

    @Test
    void givenMidJuly_whenGuestRanked_thenChristmasBestSellerOutAndAllSeasonBestSellerIn() {
        List<Integer> top = topFor(null, ShopperHistory.empty());

        assertThat(top).doesNotContain(christmasItem).contains(allSeasonItem);
    }

    @Test
    void givenMidJuly_whenRecentShoppersRanked_thenNoneWhoSkippedItSeesTheChristmasItem() {
        List<Integer> shoppersOfSpring = recentShoppersWhoNeverBoughtIt();
        List<String> reached = new ArrayList<>();

        for (int user : shoppersOfSpring) {
            ShopperHistory shopper = shoppers.asOf(user, (int) MID_JULY.toEpochDay());
            if (topFor(history.users().nameOf(user), shopper).contains(christmasItem)) {
                reached.add(history.users().nameOf(user));
            }
        }

        assertThat(shoppersOfSpring).hasSizeGreaterThan(500);
        assertThat(reached).as("shoppers with the Christmas item in their top 10").isEmpty();
    }

    private static List<Integer> topFor(String userId, ShopperHistory shopper) {
        return ranker.rank(userId, shopper, britishJuly, TOP, item -> false).stream()
                .map(RankedItem::item)
                .toList();
    }

    /** The item naming Christmas in its description with the most distinct buyers in December. */
    private static int mostBoughtChristmasItemOfDecember(Map<String, String> descriptions) {
        Map<Integer, Set<Integer>> buyers = new HashMap<>();
        for (int row = 0; row < history.size(); row++) {
            LocalDate day = LocalDate.ofEpochDay(history.day(row));
            String id = history.items().nameOf(history.item(row));
            if (day.getMonth() == Month.DECEMBER
                    && CALENDAR.holidaysMentionedIn(descriptions.get(id)).contains("christmas")) {
                buyers.computeIfAbsent(history.item(row), k -> new HashSet<>())
                        .add(history.user(row));
            }
        }
        return argmax(buyers);
    }

    /** The item with the most distinct buyers among those sold in every month before July. */
    private static int bestSellerOfEveryMonth() {
        Map<Integer, Set<Integer>> buyers = new HashMap<>();
        Map<Integer, Set<Month>> months = new HashMap<>();
        for (int row = 0; row < history.size(); row++) {
            int item = history.item(row);
            buyers.computeIfAbsent(item, k -> new HashSet<>()).add(history.user(row));
            months.computeIfAbsent(item, k -> new HashSet<>())
                    .add(LocalDate.ofEpochDay(history.day(row)).getMonth());
        }
        buyers.keySet().removeIf(item -> months.get(item).size() < 8);
        return argmax(buyers);
    }

    /** Shoppers who bought anything in the 90 days before mid-July but never the Christmas item. */
    private static List<Integer> recentShoppersWhoNeverBoughtIt() {
        Set<Integer> recent = new HashSet<>();
        Set<Integer> buyers = new HashSet<>();
        int since = (int) MID_JULY.minusDays(90).toEpochDay();
        for (int row = 0; row < history.size(); row++) {
            if (history.item(row) == christmasItem) {
                buyers.add(history.user(row));
            } else if (history.day(row) >= since) {
                recent.add(history.user(row));
            }
        }
        recent.removeAll(buyers);
        return recent.stream().sorted().toList();
    }

    private static int argmax(Map<Integer, Set<Integer>> buyers) {
        return buyers.entrySet().stream()
                .max(
                        (a, b) ->
                                a.getValue().size() != b.getValue().size()
                                        ? Integer.compare(a.getValue().size(), b.getValue().size())
                                        : Integer.compare(b.getKey(), a.getKey()))
                .orElseThrow()
                .getKey();
    }

    private static Path dataFile() {
        String root = System.getProperty("solstice.repo.root", "../..");
        return Path.of(root).resolve("../shared/data/online_retail.csv.gz").normalize();
    }
}
