package io.solstice.feature;

import io.solstice.history.PurchaseLog;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Item-to-item cosine similarity over buyer sets, the neighbourhood of item-based collaborative
 * filtering (Sarwar, Karypis, Konstan &amp; Riedl 2001, "Item-based collaborative filtering
 * recommendation algorithms"; Deshpande &amp; Karypis 2004 for the top-N form).
 *
 * <p>With {@code B(i)} the set of users who bought item {@code i}: {@code sim(i, j) = |B(i) ∩ B(j)|
 * / sqrt(|B(i)| · |B(j)|)}, in [0, 1]. Every pair with at least one common buyer is kept, unless
 * {@link #keepTopNeighbours(int)} trims each item to its closest neighbours.
 *
 * <p>Stored as sparse rows (neighbour indexes ascending with their common-buyer counts and
 * similarities). Building counts co-purchases in a dense {@code items × items} int matrix, so it
 * needs {@code 4 · items²} bytes for a moment: 66 MB for 4,000 items. TODO(scale): past about
 * 20,000 items the dense count matrix no longer fits; count in blocks.
 *
 * <p>Item indexes are those of the log's shared vocabulary. Immutable and thread-safe.
 */
public final class ItemSimilarity {

    private final int[] buyers;
    private final int[] start;
    private final int[] neighbour;
    private final int[] coBuyers;
    private final float[] similarity;

    private ItemSimilarity(
            int[] buyers, int[] start, int[] neighbour, int[] coBuyers, float[] similarity) {
        this.buyers = buyers;
        this.start = start;
        this.neighbour = neighbour;
        this.coBuyers = coBuyers;
        this.similarity = similarity;
    }

    /** Cosine similarity over the buyer sets of every purchase in {@code history}. */
    public static ItemSimilarity cosineOverBuyers(PurchaseLog history) {
        return cosineOverBuyers(UserItemSets.of(history), history.items().size());
    }

    /**
     * Cosine similarity over the buyer sets given by each user's distinct items.
     *
     * @param itemCount size of the item vocabulary (every item index is below it)
     */
    public static ItemSimilarity cosineOverBuyers(UserItemSets sets, int itemCount) {
        int[] counts = new int[Math.multiplyExact(itemCount, itemCount)];
        int[] buyers = new int[itemCount];
        for (int user = 0; user < sets.userCount(); user++) {
            countPairs(sets, user, itemCount, counts, buyers);
        }
        mirrorUpperTriangle(counts, itemCount);
        return fromCounts(counts, buyers);
    }

    /** Counts each pair once, in the row of its lower item: sequential writes along a row. */
    private static void countPairs(
            UserItemSets sets, int user, int itemCount, int[] counts, int[] buyers) {
        int size = sets.size(user);
        for (int a = 0; a < size; a++) {
            int first = sets.item(user, a);
            buyers[first]++;
            int row = first * itemCount;
            for (int b = a + 1; b < size; b++) {
                counts[row + sets.item(user, b)]++;
            }
        }
    }

    private static void mirrorUpperTriangle(int[] counts, int itemCount) {
        for (int i = 0; i < itemCount; i++) {
            for (int j = i + 1; j < itemCount; j++) {
                counts[j * itemCount + i] = counts[i * itemCount + j];
            }
        }
    }

    private static ItemSimilarity fromCounts(int[] counts, int[] buyers) {
        int itemCount = buyers.length;
        int[] start = new int[itemCount + 1];
        for (int i = 0; i < itemCount; i++) {
            start[i + 1] = start[i] + nonZero(counts, i * itemCount, itemCount);
        }

        int[] neighbour = new int[start[itemCount]];
        int[] coBuyers = new int[neighbour.length];
        float[] similarity = new float[neighbour.length];
        for (int i = 0; i < itemCount; i++) {
            int slot = start[i];
            for (int j = 0; j < itemCount; j++) {
                int common = counts[i * itemCount + j];
                if (common > 0) {
                    neighbour[slot] = j;
                    coBuyers[slot] = common;
                    similarity[slot++] = cosine(common, buyers[i], buyers[j]);
                }
            }
        }
        return new ItemSimilarity(buyers, start, neighbour, coBuyers, similarity);
    }

    private static int nonZero(int[] counts, int from, int length) {
        int count = 0;
        for (int k = from; k < from + length; k++) {
            count += counts[k] > 0 ? 1 : 0;
        }
        return count;
    }

    private static float cosine(int common, int buyersA, int buyersB) {
        return (float) (common / Math.sqrt((double) buyersA * buyersB));
    }

    /** Size of the item vocabulary this similarity covers. */
    public int itemCount() {
        return buyers.length;
    }

    /** Distinct buyers of {@code item}. */
    public int buyers(int item) {
        return buyers[item];
    }

    /** Users who bought both items; for {@code a == b}, the buyers of {@code a}. */
    public int coBuyers(int a, int b) {
        if (a == b) {
            return buyers[a];
        }
        int slot = slot(a, b);
        return slot < 0 ? 0 : coBuyers[slot];
    }

    /** Cosine similarity of the two items' buyer sets; 1 for an item with itself if bought. */
    public double similarity(int a, int b) {
        if (a == b) {
            return buyers[a] > 0 ? 1 : 0;
        }
        int slot = slot(a, b);
        return slot < 0 ? 0 : similarity[slot];
    }

    /** Number of neighbours (items sharing a buyer) of {@code item}, itself not included. */
    public int neighbourCount(int item) {
        return start[item + 1] - start[item];
    }

    /** The {@code i}-th neighbour of {@code item}, by ascending item index. */
    public int neighbour(int item, int i) {
        return neighbour[start[item] + i];
    }

    /** Similarity of {@code item} with its {@code i}-th neighbour. */
    public double neighbourSimilarity(int item, int i) {
        return similarity[start[item] + i];
    }

    /**
     * Adds {@code weight · sim(item, j)} to {@code scores[j]} for every neighbour {@code j} of
     * {@code item} (not {@code item} itself): one step of an item-kNN score {@code score(j) = Σ_i
     * w(i) · sim(i, j)}. Time: O(neighbours).
     */
    public void addNeighbourScores(int item, double weight, double[] scores) {
        for (int slot = start[item]; slot < start[item + 1]; slot++) {
            scores[neighbour[slot]] += weight * similarity[slot];
        }
    }

    /** The {@code n} most similar neighbours of {@code item}, best first (ties: lower index). */
    public int[] topNeighbours(int item, int n) {
        return IntStream.range(start[item], start[item + 1])
                .boxed()
                .sorted(bySimilarity())
                .limit(n)
                .mapToInt(slot -> neighbour[slot])
                .toArray();
    }

    /** A copy that keeps, for each item, only its {@code n} most similar neighbours. */
    public ItemSimilarity keepTopNeighbours(int n) {
        int[] keptStart = new int[start.length];
        int[][] kept = new int[buyers.length][];
        for (int item = 0; item < buyers.length; item++) {
            kept[item] =
                    IntStream.range(start[item], start[item + 1])
                            .boxed()
                            .sorted(bySimilarity())
                            .limit(n)
                            .mapToInt(Integer::intValue)
                            .sorted()
                            .toArray();
            keptStart[item + 1] = keptStart[item] + kept[item].length;
        }
        return copyRows(keptStart, kept);
    }

    private ItemSimilarity copyRows(int[] keptStart, int[][] kept) {
        int total = keptStart[keptStart.length - 1];
        int[] keptNeighbour = new int[total];
        int[] keptCoBuyers = new int[total];
        float[] keptSimilarity = new float[total];
        for (int item = 0; item < kept.length; item++) {
            int slot = keptStart[item];
            for (int old : kept[item]) {
                keptNeighbour[slot] = neighbour[old];
                keptCoBuyers[slot] = coBuyers[old];
                keptSimilarity[slot++] = similarity[old];
            }
        }
        return new ItemSimilarity(buyers, keptStart, keptNeighbour, keptCoBuyers, keptSimilarity);
    }

    private Comparator<Integer> bySimilarity() {
        return Comparator.<Integer>comparingDouble(slot -> -similarity[slot])
                .thenComparingInt(slot -> neighbour[slot]);
    }

    private int slot(int a, int b) {
        int slot = Arrays.binarySearch(neighbour, start[a], start[a + 1], b);
        return slot < 0 ? -1 : slot;
    }
}
