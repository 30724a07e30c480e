package io.solstice.benchmark;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ShopperHistory;
import io.solstice.score.ModelScorer;
import io.solstice.score.RankedItem;
import io.solstice.score.RankingRules;
import io.solstice.score.SeasonalRanker;
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of ranking one request with the plain-Java path the rank function runs: features of every
 * candidate ({@link CandidateFeatures#fill}), the network's forward pass ({@link
 * ModelScorer#scoreBatch}), the top 10 and their reasons; beside it, the same features and the same
 * trained network scored by its SavedModel on DJL's TensorFlow engine ({@link DjlRanker}). The
 * model is {@link BenchmarkSavedModel}'s, exported before the run. The (date, country) context is
 * warm, as it is for all but the first request of a day in a container. Sampled per call, so that
 * JMH reports percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankLatencyBenchmark {

    static final String PLAIN_JAVA = "plain-java";

    static final String DJL_ONE_THREAD = "djl-1-thread";

    static final String DJL = "djl";

    /** Candidates scored per request. */
    @Param({"1000", "5000", "10000"})
    public int candidates;

    /**
     * {@code plain-java}: the rank function's path, one thread; {@code djl-1-thread}: the same
     * features and model, scored by the SavedModel on DJL's TensorFlow engine with one intra-op and
     * one inter-op thread (no reasons); {@code djl}: the same with TensorFlow's default thread
     * pools (every core).
     */
    @Param({PLAIN_JAVA, DJL_ONE_THREAD, DJL})
    public String scorer;

    private SeasonalRanker ranker;

    private DjlRanker djlRanker;

    private CandidateFeatures.Context context;

    private ShopperHistory shopper;

    private int[] candidateItems;

    private String userId;

    @Setup
    public void setUp() {
        SeasonCalendar calendar = SeasonCalendar.standard();
        ItemSignals signals = SyntheticModel.signals(calendar, 7);
        Path model = BenchmarkSavedModel.directoryFromProperty();
        ModelScorer plainJava = new ModelScorer(BenchmarkSavedModel.weights(model));
        CandidateFeatures features = new CandidateFeatures(signals, calendar);
        ranker = new SeasonalRanker(plainJava, features);
        context = features.context(SyntheticModel.RANK_DATE, calendar.country("GB"));
        shopper = SyntheticModel.shopper(40, 13);
        userId = "12345";
        candidateItems = sample(signals.itemCount(), candidates, 17);

        if (!scorer.equals(PLAIN_JAVA)) {
            djlRanker = djlRanker(model, plainJava, features);
        }
        rank();
    }

    private DjlRanker djlRanker(Path model, ModelScorer plainJava, CandidateFeatures features) {
        if (scorer.equals(DJL_ONE_THREAD)) {
            // Read by DJL's TensorFlow engine when it makes the session, in this fresh fork.
            System.setProperty("ai.djl.tensorflow.num_intraop_threads", "1");
            System.setProperty("ai.djl.tensorflow.num_interop_threads", "1");
        }
        DjlRanker djl = new DjlRanker(BenchmarkSavedModel.savedModel(model), plainJava, features);
        requireSameTop(djl);
        return djl;
    }

    /** Both scorers run the same network, so they must agree on the top 10 (as a set). */
    private void requireSameTop(DjlRanker djl) {
        Set<Integer> plain = new TreeSet<>();
        for (RankedItem item :
                ranker.rank(userId, shopper, context, candidateItems, 10, RankingRules.NONE)) {
            plain.add(item.item());
        }
        Set<Integer> reference = new TreeSet<>();
        for (int item : djl.rank(userId, shopper, context, candidateItems, 10)) {
            reference.add(item);
        }
        if (!plain.equals(reference)) {
            throw new IllegalStateException(
                    "top 10: expected the plain-Java items " + plain + ", DJL got " + reference);
        }
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

    @TearDown
    public void tearDown() {
        if (djlRanker != null) {
            djlRanker.close();
        }
    }

    @Benchmark
    public Object rank() {
        if (djlRanker != null) {
            return djlRanker.rank(userId, shopper, context, candidateItems, 10);
        }
        return ranker.rank(userId, shopper, context, candidateItems, 10, RankingRules.NONE);
    }
}
