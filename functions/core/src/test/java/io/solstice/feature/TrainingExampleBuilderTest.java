package io.solstice.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.clean.CleanPurchase;
import io.solstice.feature.TrainingExampleBuilder.Question;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each question's groups explain the right purchases: re-orders and new items of returning
 * shoppers, only the new items, or the first purchases of shoppers without a past.
 */
class TrainingExampleBuilderTest {

    private static final LocalDate AS_OF = LocalDate.of(2011, 3, 1);

    /** Who bought what in the label window, as "user:item" of each group's bought row. */
    @Test
    void givenReturningAndFirstTimeBuyers_whenEachQuestionBuilt_thenGroupsExplainItsPurchases() {
        PurchaseLog log = purchases();

        assertThat(boughtRows(log, Question.EVERY_ITEM)).containsExactlyInAnyOrder("s1:A", "s1:C");
        assertThat(boughtRows(log, Question.NEW_ITEMS)).containsExactly("s1:C");
        assertThat(boughtRows(log, Question.FIRST_PURCHASE)).containsExactly("(unknown):B");
    }

    /**
     * For a returning shopper's every-item groups, the other items are drawn partly by item-kNN
     * from their history: a neighbour of what they bought is drawn with a higher probability (a
     * larger log correction) than an item just as popular that no buyer of theirs shares. The
     * new-items groups draw by popularity and uniformly only, so both get the same correction.
     */
    @Test
    void givenNeighbourOfHistory_whenOtherItemsDrawn_thenItsProposalIsRaisedForEveryItemOnly() {
        PurchaseLog log = neighbourShop();

        Map<String, Float> everyItem = s1Corrections(log, Question.EVERY_ITEM);
        Map<String, Float> newItems = s1Corrections(log, Question.NEW_ITEMS);

        assertThat(everyItem).containsKeys("D", "E");
        assertThat(everyItem.get("D")).isGreaterThan(everyItem.get("E") + 0.5f);
        assertThat(newItems).containsKeys("D", "E");
        assertThat(newItems.get("D")).isEqualTo(newItems.get("E"));
    }

    /** Item of each drawn row of s1's groups, with the log correction of its draw. */
    private static Map<String, Float> s1Corrections(PurchaseLog log, Question question) {
        TrainingExamples examples = examples(log, question);
        Map<String, Float> corrections = new HashMap<>();
        int m = examples.negativesPerPositive();
        for (int g = 0; g < examples.positives().length; g++) {
            for (int j = 0; j < m; j++) {
                int row = examples.negatives()[g * m + j];
                int user = examples.userRows()[row];
                if (user > 0 && examples.userIds().get(user - 1).equals("s1")) {
                    String item = examples.itemIds().get(examples.itemRows()[row] - 1);
                    corrections.put(item, examples.logCorrections()[g * m + j]);
                }
            }
        }
        return corrections;
    }

    /**
     * s1 bought A; two other buyers of A also bought D (so D is A's neighbour); E and F sold as
     * often as D to shoppers who share nothing with s1. In the label window s1 buys C, G and H,
     * three new items.
     */
    private static PurchaseLog neighbourShop() {
        List<CleanPurchase> purchases = new ArrayList<>();
        add(purchases, "s1", "A", AS_OF.minusDays(40));
        for (String user : List.of("x1", "x2")) {
            add(purchases, user, "A", AS_OF.minusDays(20));
            add(purchases, user, "D", AS_OF.minusDays(20));
        }
        for (String user : List.of("y1", "y2")) {
            add(purchases, user, "E", AS_OF.minusDays(20));
            add(purchases, user, "F", AS_OF.minusDays(20));
        }
        for (String item : List.of("C", "G", "H")) {
            add(purchases, "filler-" + item, item, AS_OF.minusDays(10));
            add(purchases, "s1", item, AS_OF.plusDays(5));
        }
        add(purchases, "filler-D", "D", AS_OF.plusDays(40));
        return PurchaseLog.of(purchases);
    }

    /** The default settings' examples for one question at {@code AS_OF}, 28-day labels. */
    private static TrainingExamples examples(PurchaseLog log, Question question) {
        return new TrainingExampleBuilder(
                        SeasonCalendar.standard(),
                        Map.of(),
                        TrainingExampleBuilder.Settings.defaults().asking(question))
                .build(log, List.of(AS_OF), 28);
    }

    private static Set<String> boughtRows(PurchaseLog log, Question question) {
        TrainingExamples examples = examples(log, question);
        Set<String> bought = new HashSet<>();
        for (int row : examples.positives()) {
            int user = examples.userRows()[row];
            String userId = user == 0 ? "(unknown)" : examples.userIds().get(user - 1);
            bought.add(userId + ":" + examples.itemIds().get(examples.itemRows()[row] - 1));
        }
        return bought;
    }

    /**
     * Before the as-of date s1 bought A and B, and other shoppers bought A to F (so there is
     * something to draw); in the label window s1 re-orders A and buys C for the first time, and s9,
     * new to the shop, buys B.
     */
    private static PurchaseLog purchases() {
        List<CleanPurchase> purchases = new ArrayList<>();
        add(purchases, "s1", "A", AS_OF.minusDays(40));
        add(purchases, "s1", "B", AS_OF.minusDays(30));
        for (String item : List.of("A", "B", "C", "D", "E", "F")) {
            add(purchases, "filler-" + item, item, AS_OF.minusDays(20));
        }
        add(purchases, "s1", "A", AS_OF.plusDays(3));
        add(purchases, "s1", "C", AS_OF.plusDays(5));
        add(purchases, "s9", "B", AS_OF.plusDays(7));
        add(purchases, "filler-D", "D", AS_OF.plusDays(40));
        return PurchaseLog.of(purchases);
    }

    private static void add(
            List<CleanPurchase> purchases, String user, String item, LocalDate day) {
        purchases.add(
                new CleanPurchase(
                        "e" + purchases.size(), user, item, day, 1, 1.0, "United Kingdom"));
    }
}
