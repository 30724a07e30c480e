package io.solstice.benchmark;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link RankLatencyBenchmark} in one forked JVM, one thread, and prints p50/p99 per candidate
 * count as a Markdown table. Argument {@code quick} shortens warm-up and measurement for a smoke
 * run; the default ({@code full}) is what BENCHMARKS.md quotes.
 */
public final class RankLatencyTable {

    private RankLatencyTable() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
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
                        .jvmArgsAppend("-Xmx2g")
                        .build();
        Collection<RunResult> results = new Runner(options).run();
        print(results);
    }

    private static void print(Collection<RunResult> results) {
        System.out.println();
        System.out.printf(
                "Plain-Java ranking, one request, top 10, one thread; %s %s, %d cores%n%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| candidates | p50 (ms) | p99 (ms) | mean (ms) | samples |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (RunResult result : results) {
            Statistics stats = result.getPrimaryResult().getStatistics();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %d |%n",
                    result.getParams().getParam("candidates"),
                    stats.getPercentile(50) / 1000,
                    stats.getPercentile(99) / 1000,
                    stats.getMean() / 1000,
                    stats.getN());
        }
    }
}
