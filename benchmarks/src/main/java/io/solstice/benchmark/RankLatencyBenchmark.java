package io.solstice.benchmark;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistory;
import io.solstice.score.ModelScorer;
import io.solstice.score.RankedItem;
import io.solstice.score.RankingRules;
import io.solstice.score.SeasonalRanker;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency of ranking one request with the plain-Java path the rank function runs: features of every
 * candidate ({@link CandidateFeatures#fill}), the network's forward pass ({@link
 * ModelScorer#scoreBatch}), the top 10 and their reasons. The (date, country) context is warm, as
 * it is for all but the first request of a day in a container. Sampled per call, so that JMH
 * reports percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankLatencyBenchmark {

    /** Candidates scored per request. */
    @Param({"1000", "5000", "10000"})
    public int candidates;

    private SeasonalRanker ranker;

    private CandidateFeatures.Context context;

    private ShopperHistory shopper;

    private int[] candidateItems;

    private String userId;

    @Setup
    public void setUp() {
        SeasonCalendar calendar = SeasonCalendar.standard();
        ItemSignals signals = SyntheticModel.signals(calendar, 7);
        ModelScorer scorer = new ModelScorer(SyntheticModel.weights(signals.itemIds(), 11));
        CandidateFeatures features = new CandidateFeatures(signals, calendar);
        ranker = new SeasonalRanker(scorer, features);
        context = features.context(SyntheticModel.RANK_DATE, calendar.country("GB"));
        shopper = SyntheticModel.shopper(40, 13);
        userId = "12345";
        candidateItems = sample(signals.itemCount(), candidates, 17);
        rank();
    }

    /** {@code count} distinct item indexes in random order. */
    private static int[] sample(int items, int count, long seed) {
        int[] all = new int[items];
        for (int i = 0; i < items; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = items - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return java.util.Arrays.copyOf(all, count);
    }

    @Benchmark
    public List<RankedItem> rank() {
        return ranker.rank(userId, shopper, context, candidateItems, 10, RankingRules.NONE);
    }
}
