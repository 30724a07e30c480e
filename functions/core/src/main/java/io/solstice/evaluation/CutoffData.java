package io.solstice.evaluation;

import io.solstice.feature.UserItemSets;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;

/**
 * What the protocol fixes at one cutoff, whatever the method: the history before it, the test
 * users, their relevant items per mode, their past items, the candidates.
 */
final class CutoffData {

    final LocalDate cutoff;
    final PurchaseLog history;
    final UserItemSets pastItems;
    final BitSet candidates;
    final int candidateCount;
    final int[] testUsers;
    final String[] countries;
    final int[][] relevantAll;
    final int[][] relevantNew;

    private CutoffData(
            LocalDate cutoff,
            PurchaseLog history,
            UserItemSets pastItems,
            BitSet candidates,
            int[] testUsers,
            String[] countries,
            int[][] relevantAll,
            int[][] relevantNew) {
        this.cutoff = cutoff;
        this.history = history;
        this.pastItems = pastItems;
        this.candidates = candidates;
        this.candidateCount = candidates.cardinality();
        this.testUsers = testUsers;
        this.countries = countries;
        this.relevantAll = relevantAll;
        this.relevantNew = relevantNew;
    }

    static CutoffData of(PurchaseLog log, LocalDate cutoff, int windowDays) {
        PurchaseLog history = log.before(cutoff);
        PurchaseLog window = log.between(cutoff, cutoff.plusDays(windowDays));
        UserItemSets pastItems = UserItemSets.of(history);
        UserItemSets windowItems = UserItemSets.of(window);

        int[] testUsers = testUsers(pastItems, windowItems);
        int[][] relevantAll = new int[testUsers.length][];
        int[][] relevantNew = new int[testUsers.length][];
        for (int i = 0; i < testUsers.length; i++) {
            int user = testUsers[i];
            relevantAll[i] = windowItems.items(user);
            relevantNew[i] =
                    Arrays.stream(relevantAll[i])
                            .filter(item -> !pastItems.contains(user, item))
                            .toArray();
        }
        return new CutoffData(
                cutoff,
                history,
                pastItems,
                candidates(history),
                testUsers,
                latestCountries(history, testUsers),
                relevantAll,
                relevantNew);
    }

    /** Users with a purchase before the cutoff and one in the window, ascending. */
    private static int[] testUsers(UserItemSets past, UserItemSets window) {
        int users = Math.min(past.userCount(), window.userCount());
        return java.util.stream.IntStream.range(0, users)
                .filter(user -> past.size(user) > 0 && window.size(user) > 0)
                .toArray();
    }

    private static BitSet candidates(PurchaseLog history) {
        BitSet candidates = new BitSet(history.items().size());
        for (int row = 0; row < history.size(); row++) {
            candidates.set(history.item(row));
        }
        return candidates;
    }

    /** The country of each test user's latest purchase before the cutoff. */
    private static String[] latestCountries(PurchaseLog history, int[] testUsers) {
        int[] latest = new int[history.users().size()];
        Arrays.fill(latest, -1);
        for (int row = 0; row < history.size(); row++) {
            latest[history.user(row)] = history.country(row);
        }
        String[] countries = new String[testUsers.length];
        for (int i = 0; i < testUsers.length; i++) {
            int country = latest[testUsers[i]];
            countries[i] = country < 0 ? null : history.countries().nameOf(country);
        }
        return countries;
    }

    /** The relevant items of the {@code i}-th test user in {@code mode}, ascending. */
    int[] relevant(int i, EvaluationMode mode) {
        return mode == EvaluationMode.ALL ? relevantAll[i] : relevantNew[i];
    }
}
