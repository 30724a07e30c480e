package io.solstice.evaluation.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solstice.evaluation.EvaluateBaselines;
import io.solstice.evaluation.EvaluationMode;
import io.solstice.evaluation.EvaluationReport;
import io.solstice.evaluation.MetricsAtK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five baselines on the Online Retail file must reproduce the figures of {@code EVALUATION.md}
 * within 0.005. The file is {@code -Dsolstice.data}, else {@code shared/data/online_retail.csv.gz}
 * beside the repository; the test is skipped only when neither exists.
 */
class BaselineReproductionTest {

    private static final double TOLERANCE = 0.005;

    /** P@20, R@20, NDCG@20, MAP@20, HR@20 in all mode, as published. */
    private static final Map<String, double[]> ALL_MODE =
            Map.of(
                    "popularity-all-time", new double[] {0.0791, 0.0674, 0.0988, 0.0346, 0.6465},
                    "popularity-last-28-days",
                            new double[] {0.0984, 0.0840, 0.1226, 0.0477, 0.6749},
                    "history-then-popularity",
                            new double[] {0.2069, 0.2410, 0.2960, 0.1718, 0.8549},
                    "item-knn", new double[] {0.1581, 0.1534, 0.2016, 0.1002, 0.7544},
                    "history-then-item-knn", new double[] {0.2088, 0.2460, 0.2986, 0.1736, 0.8523});

    /** NDCG@20 in discovery mode, as published. */
    private static final Map<String, Double> DISCOVERY_NDCG =
            Map.of(
                    "popularity-last-28-days", 0.0725,
                    "item-knn", 0.0985,
                    "history-then-item-knn", 0.0980);

    @TempDir static Path output;

    private static List<EvaluationReport> reports;

    @BeforeAll
    static void evaluateBaselines() throws IOException {
        Path data = dataFile();
        assumeTrue(Files.isRegularFile(data), "Online Retail file not found at " + data);
        reports = EvaluateBaselines.run(data, output, System.out);
    }

    private static Path dataFile() {
        String explicit = System.getProperty("solstice.data");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String root = System.getProperty("solstice.repo.root", "../..");
        return Path.of(root).resolve("../shared/data/online_retail.csv.gz").normalize();
    }

    private static EvaluationReport report(String method) {
        return reports.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow();
    }

    @Test
    void givenOnlineRetail_whenBaselinesRun_thenAllModeFiguresReproduceWithinTolerance() {
        ALL_MODE.forEach(
                (method, expected) -> {
                    MetricsAtK mean = report(method).mean(EvaluationMode.ALL, 20);
                    double[] actual = {
                        mean.precision(), mean.recall(), mean.ndcg(), mean.map(), mean.hitRate()
                    };
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i])
                                .as("%s metric %d", method, i)
                                .isCloseTo(expected[i], within(TOLERANCE));
                    }
                });
    }

    @Test
    void givenOnlineRetail_whenBaselinesRun_thenDiscoveryNdcgReproducesWithinTolerance() {
        DISCOVERY_NDCG.forEach(
                (method, expected) ->
                        assertThat(report(method).mean(EvaluationMode.DISCOVERY, 20).ndcg())
                                .as(method)
                                .isCloseTo(expected, within(TOLERANCE)));
    }

    @Test
    void givenDiscoveryMode_whenBaselinesRun_thenNoListedItemWasBoughtBefore() {
        for (EvaluationReport report : reports) {
            assertThat(report.mean(EvaluationMode.DISCOVERY, 20).alreadyPurchasedRate())
                    .as(report.method())
                    .isZero();
            assertThat(report.rankedLists()).isRegularFile();
        }
    }
}
