package io.solstice.train.model;

import io.solstice.feature.TrainingExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small learnable training sets: a shopper prefers items whose hidden taste matches theirs, and a
 * dense feature carries part of the signal. One drawn item per bought item, with no sampling
 * correction, so the loss is the pairwise logistic loss.
 */
final class SyntheticExamples {

    private SyntheticExamples() {}

    static TrainingExamples generate(long seed, int users, int items, int pairsPerUser) {
        Random random = new Random(seed);
        int features = 4;
        List<String> userIds = ids("u", users);
        List<String> itemIds = ids("i", items);
        int rows = users * pairsPerUser * 2;
        float[] values = new float[rows * features];
        int[] userRows = new int[rows];
        int[] itemRows = new int[rows];
        float[] season = new float[rows * 2];
        int[] positives = new int[rows / 2];
        int[] negatives = new int[rows / 2];

        int row = 0;
        for (int u = 0; u < users; u++) {
            for (int p = 0; p < pairsPerUser; p++) {
                int liked =
                        (u % 2 == 0)
                                ? random.nextInt(items / 2)
                                : items / 2 + random.nextInt(items / 2);
                int other =
                        (u % 2 == 0)
                                ? items / 2 + random.nextInt(items / 2)
                                : random.nextInt(items / 2);
                double angle = random.nextDouble() * 2 * Math.PI;
                positives[row / 2] =
                        fill(
                                values, userRows, itemRows, season, row++, u, liked, angle, random,
                                1f);
                negatives[row / 2] =
                        fill(
                                values, userRows, itemRows, season, row++, u, other, angle, random,
                                0f);
            }
        }
        return new TrainingExamples(
                List.of("signal", "noise", "constant", "scaled"),
                userIds,
                itemIds,
                values,
                userRows,
                itemRows,
                season,
                1,
                positives,
                negatives,
                new float[negatives.length]);
    }

    private static int fill(
            float[] values,
            int[] userRows,
            int[] itemRows,
            float[] season,
            int row,
            int user,
            int item,
            double angle,
            Random random,
            float label) {
        values[row * 4] = label + (float) random.nextGaussian() * 0.8f;
        values[row * 4 + 1] = (float) random.nextGaussian();
        values[row * 4 + 2] = 3f;
        values[row * 4 + 3] = (float) random.nextGaussian() * 100f + 50f;
        userRows[row] = user + 1;
        itemRows[row] = item + 1;
        season[row * 2] = (float) Math.sin(angle);
        season[row * 2 + 1] = (float) Math.cos(angle);
        return row;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}
