package io.solstice.benchmark;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Exports the {@link BenchmarkSavedModel}, runs {@link RankLatencyBenchmark} for each scorer in its
 * own forked JVM, one benchmark thread, and prints p50/p99 per candidate count, plain Java and DJL
 * side by side, as a Markdown table. Argument {@code quick} shortens warm-up and measurement for a
 * smoke run; the default ({@code full}) is what BENCHMARKS.md quotes. The DJL forks need {@code
 * TENSORFLOW_LIBRARY_PATH} (the folder holding libtensorflow_cc.so.2); exec:exec sets it.
 */
public final class RankLatencyTable {

    private static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";

    private RankLatencyTable() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        requireNatives();
        Path model =
                BenchmarkSavedModel.export(Path.of("target", "benchmark-model").toAbsolutePath());

        int seconds = quick ? 1 : 5;
        Options options =
                new OptionsBuilder()
                        .include(RankLatencyBenchmark.class.getSimpleName())
                        .forks(1)
                        .threads(1)
                        .warmupIterations(quick ? 2 : 4)
                        .warmupTime(TimeValue.seconds(seconds))
                        .measurementIterations(quick ? 3 : 6)
                        .measurementTime(TimeValue.seconds(seconds))
                        .jvmArgsAppend(
                                "-Xmx2g",
                                "-Dai.djl.offline=true",
                                "-D" + BenchmarkSavedModel.DIRECTORY_PROPERTY + "=" + model)
                        .build();
        print(new Runner(options).run());
    }

    private static void requireNatives() {
        if (System.getenv(LIBRARY_PATH) == null) {
            throw new IllegalStateException(
                    LIBRARY_PATH
                            + ": expected the folder holding libtensorflow_cc.so.2 (the build"
                            + " unpacks it into target/tensorflow-natives), got none; run through"
                            + " mvn -pl benchmarks exec:exec");
        }
    }

    private static void print(Collection<RunResult> results) {
        Map<String, Map<String, Statistics>> bySize = new LinkedHashMap<>();
        for (RunResult result : results) {
            bySize.computeIfAbsent(
                            result.getParams().getParam("candidates"), c -> new LinkedHashMap<>())
                    .put(
                            result.getParams().getParam("scorer"),
                            result.getPrimaryResult().getStatistics());
        }
        System.out.println();
        System.out.printf(
                "Ranking one request, top 10; %s %s, %d cores; p50 / p99 in ms%n%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println(
                "| candidates | plain Java | DJL, 1 thread | DJL, all cores |"
                        + " p99 plain / DJL 1 thread | samples |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        bySize.forEach(RankLatencyTable::row);
    }

    private static void row(String candidates, Map<String, Statistics> scorers) {
        Statistics plain = scorers.get(RankLatencyBenchmark.PLAIN_JAVA);
        Statistics djlOne = scorers.get(RankLatencyBenchmark.DJL_ONE_THREAD);
        Statistics djl = scorers.get(RankLatencyBenchmark.DJL);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s, %s, %s |%n",
                candidates,
                percentiles(plain),
                percentiles(djlOne),
                percentiles(djl),
                plain == null || djlOne == null
                        ? "-"
                        : String.format(
                                Locale.ROOT,
                                "%.2f",
                                plain.getPercentile(99) / djlOne.getPercentile(99)),
                count(plain),
                count(djlOne),
                count(djl));
    }

    private static String percentiles(Statistics stats) {
        return stats == null
                ? "-"
                : String.format(
                        Locale.ROOT,
                        "%.3f / %.3f",
                        stats.getPercentile(50) / 1000,
                        stats.getPercentile(99) / 1000);
    }

    private static String count(Statistics stats) {
        return stats == null ? "-" : Long.toString(stats.getN());
    }
}
