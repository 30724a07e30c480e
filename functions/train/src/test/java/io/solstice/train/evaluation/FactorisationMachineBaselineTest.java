package io.solstice.train.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.clean.CleanPurchase;
import io.solstice.evaluation.CutoffRanker;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The factorisation machine must learn who buys what: with two groups of shoppers buying from two
 * disjoint halves of the catalogue, the items it recommends beyond a shopper's own purchases come
 * from that shopper's half.
 */
class FactorisationMachineBaselineTest {

    private static final LocalDate CUTOFF = LocalDate.of(2011, 6, 1);
    private static final int SHOPPERS = 80;
    private static final int ITEMS = 80;
    private static final int PURCHASES_EACH = 10;

    @Test
    void givenTwoGroupsOfShoppers_whenRankingNewItems_thenEachGetsItemsOfItsOwnGroup() {
        PurchaseLog log = twoGroups(new Random(7));
        CutoffRanker ranker =
                new FactorisationMachineBaseline(FactorisationMachineBaseline.Settings.defaults())
                        .fit(log, CUTOFF);
        int fromOwnGroup = 0;
        int recommended = 0;

        for (int user = 0; user < log.users().size(); user++) {
            Set<Integer> bought = boughtBy(log, user);
            int group = groupOf(log.users().nameOf(user));
            for (int item : ranker.rank(user, "United Kingdom", 5, bought::contains)) {
                assertThat(bought).doesNotContain(item);
                fromOwnGroup += groupOfItem(log.items().nameOf(item)) == group ? 1 : 0;
                recommended++;
            }
        }

        assertThat(recommended).isEqualTo(SHOPPERS * 5);
        assertThat(fromOwnGroup).isGreaterThan(recommended * 9 / 10);
    }

    private static PurchaseLog twoGroups(Random random) {
        List<CleanPurchase> purchases = new ArrayList<>();
        for (int shopper = 0; shopper < SHOPPERS; shopper++) {
            int group = shopper % 2;
            Set<Integer> items = new HashSet<>();
            while (items.size() < PURCHASES_EACH) {
                items.add(group * ITEMS / 2 + random.nextInt(ITEMS / 2));
            }
            for (int item : items) {
                purchases.add(
                        new CleanPurchase(
                                "e" + purchases.size(),
                                "g" + group + "-u" + shopper,
                                "g" + group + "-i" + item,
                                CUTOFF.minusDays(1 + random.nextInt(300)),
                                1,
                                2.5,
                                "United Kingdom"));
            }
        }
        return PurchaseLog.of(purchases);
    }

    private static Set<Integer> boughtBy(PurchaseLog log, int user) {
        Set<Integer> bought = new HashSet<>();
        for (int row = 0; row < log.size(); row++) {
            if (log.user(row) == user) {
                bought.add(log.item(row));
            }
        }
        return bought;
    }

    private static int groupOf(String userId) {
        return userId.charAt(1) - '0';
    }

    private static int groupOfItem(String itemId) {
        return itemId.charAt(1) - '0';
    }
}
