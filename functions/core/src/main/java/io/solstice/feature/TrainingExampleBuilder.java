package io.solstice.feature;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Turns a purchase log into sampled-softmax training groups by replaying it at several as-of dates:
 * at each date the features use only purchases before it, and the labels are the items each shopper
 * bought in the following window, exactly as the ranking will be judged (a time-based split, no
 * look-ahead). Each bought item is grouped with items drawn from a mixture of the shopper's own
 * past items (hard negatives for re-orders), recently popular items, all candidates and, for the
 * every-item question, the item-kNN neighbours of the shopper's history; the probability of each
 * draw is recorded for the logQ correction (see {@link TrainingExamples}).
 */
public final class TrainingExampleBuilder {

    private final SeasonCalendar calendar;
    private final Map<String, String> descriptions;
    private final Settings settings;

    /**
     * @param negativesPerPositive items drawn for each bought item
     * @param maxPositivesPerShopper bought items kept per shopper and date (a random subset), so
     *     that a few wholesalers with hundreds of lines do not dominate
     * @param seed seeds the sampling
     * @param question which shoppers and which of their purchases the groups explain
     */
    public record Settings(
            int negativesPerPositive, int maxPositivesPerShopper, long seed, Question question) {

        public static Settings defaults() {
            return new Settings(16, 40, 20_111_215L, Question.EVERY_ITEM);
        }

        /** The same settings for another question. */
        public Settings asking(Question other) {
            return new Settings(negativesPerPositive, maxPositivesPerShopper, seed, other);
        }
    }

    /**
     * The question a network answers; each is trained on its own groups because the answers differ:
     * a wholesaler's re-orders dominate the first, and would drown the other two.
     */
    public enum Question {
        /** What will a returning shopper buy, re-orders included. */
        EVERY_ITEM,
        /**
         * What will a returning shopper buy that they never bought: only such items are positives,
         * and every draw comes from items they never bought.
         */
        NEW_ITEMS,
        /**
         * What does someone without a past buy: first-time buyers, under the unknown user's
         * embedding row, as a guest or an unknown user is ranked.
         */
        FIRST_PURCHASE
    }

    public TrainingExampleBuilder(
            SeasonCalendar calendar, Map<String, String> descriptions, Settings settings) {
        this.calendar = calendar;
        this.descriptions = descriptions;
        this.settings = settings;
    }

    /**
     * Examples at each of {@code asOfDates}, labelled by purchases in {@code [asOf, asOf +
     * labelDays)}; every such window must end by the end of {@code log}.
     */
    public TrainingExamples build(PurchaseLog log, List<LocalDate> asOfDates, int labelDays) {
        List<Snapshot> snapshots =
                asOfDates.parallelStream().map(date -> snapshot(log, date, labelDays)).toList();
        return concatenate(log, snapshots);
    }

    /** The rows and groups of one as-of date. */
    private record Snapshot(
            float[] features,
            int[] users,
            int[] items,
            float[] season,
            int[] positives,
            int[] negatives,
            float[] corrections) {}

    private Snapshot snapshot(PurchaseLog log, LocalDate asOf, int labelDays) {
        PurchaseLog history = log.before(asOf);
        PurchaseLog labels = log.between(asOf, asOf.plusDays(labelDays));
        CandidateFeatures features =
                new CandidateFeatures(ItemSignals.of(history, descriptions, calendar), calendar);
        ShopperHistories shoppers = ShopperHistories.of(history);
        ShopperHistories newcomers = ShopperHistories.of(labels);
        UserItemSets bought = UserItemSets.of(labels);
        Sampler sampler =
                new Sampler(features, asOf, new Random(settings.seed() ^ asOf.toEpochDay()));
        SnapshotRows rows = new SnapshotRows();

        for (int user = 0; user < bought.userCount(); user++) {
            boolean firstPurchase = !shoppers.hasPurchases(user);
            if (bought.size(user) == 0
                    || firstPurchase != (settings.question() == Question.FIRST_PURCHASE)) {
                continue;
            }
            Shopper shopper =
                    firstPurchase
                            ? Shopper.newcomer(newcomers.latestCountry(user))
                            : new Shopper(
                                    user,
                                    shoppers.asOf(user, (int) asOf.toEpochDay()),
                                    shoppers.latestCountry(user));
            addShopper(log, shopper, asOf, bought.items(user), features, sampler, rows);
        }
        return rows.toSnapshot();
    }

    /**
     * Whose purchases a group explains. A first-time buyer has no history and takes the unknown
     * user's embedding row, as a guest does when ranked, so that the network learns what people
     * without a past buy (the rank function's guest and cold-start case).
     *
     * @param user index in the log's user vocabulary, or -1 for a first-time buyer
     * @param country index in the log's country vocabulary
     */
    private record Shopper(int user, ShopperHistory history, int country) {

        static Shopper newcomer(int country) {
            return new Shopper(-1, ShopperHistory.empty(), country);
        }
    }

    private void addShopper(
            PurchaseLog log,
            Shopper shopper,
            LocalDate asOf,
            int[] boughtItems,
            CandidateFeatures features,
            Sampler sampler,
            SnapshotRows rows) {
        ShopperHistory history = shopper.history();
        int[] eligible =
                settings.question() == Question.NEW_ITEMS
                        ? Arrays.stream(boughtItems).filter(i -> !history.hasBought(i)).toArray()
                        : boughtItems;
        int[] positives = sampler.positives(eligible, settings.maxPositivesPerShopper());
        if (positives.length == 0) {
            return;
        }
        Set<Integer> positiveSet = new java.util.HashSet<>();
        for (int item : positives) {
            positiveSet.add(item);
        }

        LinkedHashSet<Integer> rowItems = new LinkedHashSet<>(positiveSet);
        List<Group> groups = new ArrayList<>();
        int m = settings.negativesPerPositive();
        for (int positive : positives) {
            Group group = new Group(positive, new int[m], new float[m]);
            if (sampler.drawGroup(
                    history, positiveSet, group, settings.question() != Question.NEW_ITEMS)) {
                groups.add(group);
                for (int negative : group.negatives()) {
                    rowItems.add(negative);
                }
            }
        }

        String country = log.countries().nameOf(shopper.country());
        CandidateFeatures.Context context = features.context(asOf, calendar.country(country));
        rows.add(shopper.user(), history, context, features, rowItems, groups);
    }

    private TrainingExamples concatenate(PurchaseLog log, List<Snapshot> snapshots) {
        int m = settings.negativesPerPositive();
        int rowCount = snapshots.stream().mapToInt(s -> s.users().length).sum();
        int groupCount = snapshots.stream().mapToInt(s -> s.positives().length).sum();
        float[] features = new float[rowCount * CandidateFeatures.COUNT];
        int[] users = new int[rowCount];
        int[] items = new int[rowCount];
        float[] season = new float[rowCount * 2];
        int[] positives = new int[groupCount];
        int[] negatives = new int[groupCount * m];
        float[] corrections = new float[groupCount * m];

        int rowOffset = 0;
        int pairOffset = 0;
        for (Snapshot s : snapshots) {
            int rows = s.users().length;
            System.arraycopy(
                    s.features(),
                    0,
                    features,
                    rowOffset * CandidateFeatures.COUNT,
                    s.features().length);
            System.arraycopy(s.users(), 0, users, rowOffset, rows);
            System.arraycopy(s.items(), 0, items, rowOffset, rows);
            System.arraycopy(s.season(), 0, season, rowOffset * 2, s.season().length);
            for (int g = 0; g < s.positives().length; g++) {
                positives[pairOffset + g] = s.positives()[g] + rowOffset;
            }
            for (int n = 0; n < s.negatives().length; n++) {
                negatives[pairOffset * m + n] = s.negatives()[n] + rowOffset;
            }
            System.arraycopy(
                    s.corrections(), 0, corrections, pairOffset * m, s.corrections().length);
            rowOffset += rows;
            pairOffset += s.positives().length;
        }
        return new TrainingExamples(
                CandidateFeatures.NAMES,
                log.users().names(),
                log.items().names(),
                features,
                users,
                items,
                season,
                m,
                positives,
                negatives,
                corrections);
    }

    /** One bought item and the items drawn for it, with {@code log(M · q)} of each draw. */
    private record Group(int positive, int[] negatives, float[] corrections) {}

    /**
     * The item-kNN proposal of one shopper: the candidates they never bought that have a kNN score
     * from their history, with the running total of the scores for drawing in proportion to them.
     *
     * @param scores every item's kNN score (indexed by item)
     * @param items the candidates with a positive score, in candidate order
     * @param cumulative the running total of their scores
     */
    private record Neighbours(double[] scores, int[] items, double[] cumulative) {

        static final Neighbours NONE = new Neighbours(new double[0], new int[0], new double[0]);

        boolean isEmpty() {
            return items.length == 0;
        }

        double total() {
            return cumulative[cumulative.length - 1];
        }

        /** A neighbour drawn with probability proportional to its score. */
        int draw(Random random) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * total());
            return items[Math.min(items.length - 1, at < 0 ? -at - 1 : at)];
        }

        /** The probability that {@link #draw} gives {@code item}. */
        double share(int item) {
            return scores[item] / total();
        }
    }

    /** Draws bought subsets and not-bought items for one as-of date. */
    private static final class Sampler {

        private final ItemSignals signals;
        private final CandidateFeatures features;
        private final Random random;
        private final int[] candidates;
        private final double[] popularityCumulative;

        /** The last shopper's stratum: a shopper's groups are drawn one after another. */
        private Stratum lastStratum;

        private boolean lastWithNeighbours;

        Sampler(CandidateFeatures features, LocalDate asOf, Random random) {
            this.signals = features.signals();
            this.features = features;
            this.random = random;
            int today = (int) asOf.toEpochDay();
            this.candidates =
                    java.util.stream.IntStream.range(0, signals.itemCount())
                            .filter(i -> signals.soldBefore(i, today))
                            .toArray();
            this.popularityCumulative = new double[candidates.length];
            double total = 0;
            for (int c = 0; c < candidates.length; c++) {
                total += signals.buyerDays(candidates[c], today - 28, today);
                popularityCumulative[c] = total;
            }
        }

        int[] positives(int[] bought, int max) {
            int[] eligible = Arrays.stream(bought).filter(i -> isCandidate(i)).toArray();
            shuffle(eligible);
            return Arrays.copyOf(eligible, Math.min(max, eligible.length));
        }

        private boolean isCandidate(int item) {
            return Arrays.binarySearch(candidates, item) >= 0;
        }

        /**
         * Fills {@code group} by stratified sampling: half of the draws uniformly from the
         * shopper's own past items, half from the other candidates by a mixture of recent
         * popularity, uniform and, when {@code withHistory}, item-kNN from the shopper's history
         * (all draws go to the second stratum for a shopper without history, or when {@code
         * withHistory} is false). Bought items are skipped. Each draw's correction is {@code
         * log(m_s · q)}, with {@code m_s} the draws of its stratum and {@code q} its probability
         * within it, so the weighted draws estimate the sum over each stratum without bias. False
         * when no draw succeeded.
         */
        boolean drawGroup(
                ShopperHistory shopper, Set<Integer> positives, Group group, boolean withHistory) {
            int m = group.negatives().length;
            int fromHistory = withHistory && shopper.itemCount() > 0 ? m / 2 : 0;
            Stratum others = otherItems(shopper, withHistory);
            for (int j = 0; j < m; j++) {
                boolean history = j < fromHistory;
                int item = -1;
                for (int attempt = 0; attempt < 20 && item < 0; attempt++) {
                    int drawn = history ? pastItem(shopper) : others.draw();
                    item = drawn >= 0 && !positives.contains(drawn) ? drawn : -1;
                }
                if (item < 0) {
                    return false;
                }
                double q = history ? 1.0 / shopper.itemCount() : others.probability(item);
                int drawsInStratum = history ? fromHistory : m - fromHistory;
                group.negatives()[j] = item;
                group.corrections()[j] = (float) Math.log(drawsInStratum * q);
            }
            return true;
        }

        private int pastItem(ShopperHistory shopper) {
            return shopper.item(random.nextInt(shopper.itemCount()));
        }

        private Stratum otherItems(ShopperHistory shopper, boolean withNeighbours) {
            if (lastStratum != null
                    && lastStratum.shopper == shopper
                    && lastWithNeighbours == withNeighbours) {
                return lastStratum;
            }
            double pastPopularity = 0;
            int pastCandidates = 0;
            for (int i = 0; i < shopper.itemCount(); i++) {
                int item = shopper.item(i);
                if (isCandidate(item)) {
                    pastPopularity += popularity(item);
                    pastCandidates++;
                }
            }
            Neighbours neighbours =
                    withNeighbours && shopper.itemCount() > 0
                            ? neighbours(shopper)
                            : Neighbours.NONE;
            lastStratum = new Stratum(shopper, pastPopularity, pastCandidates, neighbours);
            lastWithNeighbours = withNeighbours;
            return lastStratum;
        }

        /** The candidates the shopper never bought with an item-kNN score from their history. */
        private Neighbours neighbours(ShopperHistory shopper) {
            double[] knn = features.knnScores(shopper);
            int[] items = new int[candidates.length];
            double[] cumulative = new double[candidates.length];
            int n = 0;
            double total = 0;
            for (int item : candidates) {
                if (knn[item] > 0 && !shopper.hasBought(item)) {
                    total += knn[item];
                    items[n] = item;
                    cumulative[n++] = total;
                }
            }
            return new Neighbours(knn, Arrays.copyOf(items, n), Arrays.copyOf(cumulative, n));
        }

        /**
         * The candidates the shopper never bought, drawn with probability proportional to an equal
         * mixture of popularity share, uniform and, given {@link Neighbours}, the item-kNN score
         * from the shopper's history (the new items most like what they bought, which the network
         * must learn to tell apart from what they will buy); a component is left out when it has no
         * mass (nothing sold lately, no history or no neighbours). Neighbours are drawn for the
         * every-item question only: on the public protocol and on mid-month cutoffs alike they
         * lifted NDCG there and lowered it for the new-items question (see the README).
         */
        private final class Stratum {

            private final ShopperHistory shopper;
            private final Neighbours neighbours;
            private final double popularWeight;
            private final double knnWeight;
            private final double normaliser;

            Stratum(
                    ShopperHistory shopper,
                    double pastPopularity,
                    int pastCandidates,
                    Neighbours neighbours) {
                this.shopper = shopper;
                this.neighbours = neighbours;
                double total = popularityTotal();
                int components = 1 + (total > 0 ? 1 : 0) + (neighbours.isEmpty() ? 0 : 1);
                this.popularWeight = total > 0 ? 1.0 / components : 0.0;
                this.knnWeight = neighbours.isEmpty() ? 0.0 : 1.0 / components;
                double uniformWeight = 1.0 - popularWeight - knnWeight;
                double popularMass = total > 0 ? popularWeight * (1 - pastPopularity / total) : 0;
                double uniformMass =
                        uniformWeight * (1 - (double) pastCandidates / candidates.length);
                this.normaliser = popularMass + uniformMass + knnWeight;
            }

            int draw() {
                for (int attempt = 0; attempt < 50; attempt++) {
                    double r = random.nextDouble();
                    int item =
                            r < popularWeight
                                    ? popular()
                                    : r < popularWeight + knnWeight
                                            ? neighbours.draw(random)
                                            : candidates[random.nextInt(candidates.length)];
                    if (!shopper.hasBought(item)) {
                        return item;
                    }
                }
                return -1;
            }

            double probability(int item) {
                double p = (1 - popularWeight - knnWeight) / candidates.length;
                if (popularWeight > 0) {
                    p += popularWeight * popularity(item) / popularityTotal();
                }
                if (knnWeight > 0) {
                    p += knnWeight * neighbours.share(item);
                }
                return p / normaliser;
            }
        }

        private double popularityTotal() {
            return popularityCumulative.length == 0
                    ? 0
                    : popularityCumulative[popularityCumulative.length - 1];
        }

        private double popularity(int item) {
            int c = Arrays.binarySearch(candidates, item);
            if (c < 0) {
                return 0;
            }
            return popularityCumulative[c] - (c == 0 ? 0 : popularityCumulative[c - 1]);
        }

        private int popular() {
            double total = popularityCumulative[popularityCumulative.length - 1];
            if (total <= 0) {
                return candidates[random.nextInt(candidates.length)];
            }
            int at = Arrays.binarySearch(popularityCumulative, random.nextDouble() * total);
            return candidates[Math.min(candidates.length - 1, at < 0 ? -at - 1 : at)];
        }

        private void shuffle(int[] values) {
            for (int i = values.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = values[i];
                values[i] = values[j];
                values[j] = swap;
            }
        }
    }

    /** Accumulates the rows and pairs of one as-of date. */
    private static final class SnapshotRows {

        private final List<float[]> features = new ArrayList<>();
        private final List<Integer> users = new ArrayList<>();
        private final List<Integer> items = new ArrayList<>();
        private final List<float[]> seasons = new ArrayList<>();
        private final List<Integer> positives = new ArrayList<>();
        private final List<Integer> negatives = new ArrayList<>();
        private final List<Float> corrections = new ArrayList<>();

        void add(
                int user,
                ShopperHistory shopper,
                CandidateFeatures.Context context,
                CandidateFeatures candidateFeatures,
                LinkedHashSet<Integer> rowItems,
                List<Group> groups) {
            int[] itemArray = rowItems.stream().mapToInt(Integer::intValue).toArray();
            float[] block = new float[itemArray.length * CandidateFeatures.COUNT];
            candidateFeatures.fill(shopper, context, itemArray, block);

            int firstRow = users.size();
            java.util.Map<Integer, Integer> rowOf = new java.util.HashMap<>();
            for (int i = 0; i < itemArray.length; i++) {
                rowOf.put(itemArray[i], firstRow + i);
                users.add(user + 1);
                items.add(itemArray[i] + 1);
                seasons.add(context.season());
            }
            features.add(block);
            for (Group group : groups) {
                positives.add(rowOf.get(group.positive()));
                for (int j = 0; j < group.negatives().length; j++) {
                    negatives.add(rowOf.get(group.negatives()[j]));
                    corrections.add(group.corrections()[j]);
                }
            }
        }

        Snapshot toSnapshot() {
            int rows = users.size();
            float[] flat = new float[rows * CandidateFeatures.COUNT];
            int at = 0;
            for (float[] block : features) {
                System.arraycopy(block, 0, flat, at, block.length);
                at += block.length;
            }
            float[] season = new float[rows * 2];
            for (int r = 0; r < rows; r++) {
                season[2 * r] = seasons.get(r)[0];
                season[2 * r + 1] = seasons.get(r)[1];
            }
            return new Snapshot(
                    flat,
                    users.stream().mapToInt(Integer::intValue).toArray(),
                    items.stream().mapToInt(Integer::intValue).toArray(),
                    season,
                    positives.stream().mapToInt(Integer::intValue).toArray(),
                    negatives.stream().mapToInt(Integer::intValue).toArray(),
                    toFloats(corrections));
        }

        private static float[] toFloats(List<Float> values) {
            float[] array = new float[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i);
            }
            return array;
        }
    }
}
