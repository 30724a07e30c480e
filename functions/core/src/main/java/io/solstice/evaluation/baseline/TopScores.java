package io.solstice.evaluation.baseline;

import java.util.function.IntPredicate;

/** Selects the best-scored items without sorting them all. */
final class TopScores {

    private TopScores() {}

    /**
     * The (at most) {@code k} items with the highest positive score, best first; ties go to the
     * lower item index. Items for which {@code skip} holds are passed over. Time: O(items · k) at
     * worst, O(items) typically.
     */
    static int[] select(double[] scores, int k, IntPredicate skip) {
        int[] best = new int[k];
        double[] bestScore = new double[k];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            double score = scores[item];
            if (score <= 0 || (size == k && score <= bestScore[k - 1]) || skip.test(item)) {
                continue;
            }
            int position = size < k ? size++ : k - 1;
            while (position > 0 && bestScore[position - 1] < score) {
                best[position] = best[position - 1];
                bestScore[position] = bestScore[position - 1];
                position--;
            }
            best[position] = item;
            bestScore[position] = score;
        }
        return java.util.Arrays.copyOf(best, size);
    }
}
