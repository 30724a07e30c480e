package io.solstice.train.evaluation;

import io.solstice.evaluation.CutoffRanker;
import io.solstice.evaluation.Recommender;
import io.solstice.history.PurchaseLog;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.jboss.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.fm.FMRegressionModel;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Tribuo's factorisation machine (Rendle 2010) as a collaborative-filtering baseline beside the
 * seasonal model: one-hot user and item features, every (user, item) pair bought before the cutoff
 * as a target of 1 and {@link Settings#negativesPerPair} items drawn uniformly from the catalogue
 * as targets of 0, squared loss, AdaGrad. It knows nothing of time, season or text: it is the plain
 * latent-factor model Solstice must beat.
 *
 * <p>A user's score for an item is {@code w_item + <v_user, v_item>} (the global bias and the
 * user's own weight do not change the order); a user the machine never saw gets {@code w_item}, the
 * learned popularity. Tribuo trains with minibatches of one: its parameter merge for larger
 * minibatches fails on this model in 4.3.2 (ClassCastException in {@code FMParameters.merge}).
 */
public final class FactorisationMachineBaseline implements Recommender {

    private static final Logger LOG = Logger.getLogger(FactorisationMachineBaseline.class);

    private static final String OUTPUT = "bought";

    /** What the machine is trained with. */
    public record Settings(
            int factors,
            int epochs,
            int negativesPerPair,
            double learningRate,
            double initialVariance,
            long seed) {

        /** Settings for the public protocol. */
        public static Settings defaults() {
            return new Settings(16, 5, 3, 0.1, 0.1, 20111201L);
        }
    }

    private final Settings settings;

    public FactorisationMachineBaseline(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "tribuo-fm";
    }

    @Override
    public CutoffRanker fit(PurchaseLog history, LocalDate cutoff) {
        long started = System.nanoTime();
        BitSet candidates = candidates(history);
        MutableDataset<Regressor> examples = examples(history, candidates);

        FMRegressionModel model = trainer().train(examples);

        LOG.infof(
                "factorisation machine trained cutoff=%s examples=%d seconds=%.1f",
                cutoff,
                examples.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        return new Ranker(Factors.of(model, history), candidates);
    }

    private FMRegressionTrainer trainer() {
        return new FMRegressionTrainer(
                new SquaredLoss(),
                new AdaGrad(settings.learningRate(), 0.1),
                settings.epochs(),
                Integer.MAX_VALUE,
                1,
                settings.seed(),
                settings.factors(),
                settings.initialVariance(),
                false);
    }

    private static BitSet candidates(PurchaseLog history) {
        BitSet sold = new BitSet(history.items().size());
        for (int row = 0; row < history.size(); row++) {
            sold.set(history.item(row));
        }
        return sold;
    }

    /** Each bought (user, item) pair once, followed by its sampled non-purchases. */
    private MutableDataset<Regressor> examples(PurchaseLog history, BitSet candidates) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> examples =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance("purchases before cutoff", factory),
                        factory);
        int[] catalogue = candidates.stream().toArray();
        SplittableRandom random = new SplittableRandom(settings.seed());
        Set<Long> pairs = new HashSet<>();

        for (int row = 0; row < history.size(); row++) {
            int user = history.user(row);
            if (!pairs.add(((long) user << 32) | history.item(row))) {
                continue;
            }
            examples.add(example(user, history.item(row), 1.0));
            for (int n = 0; n < settings.negativesPerPair(); n++) {
                examples.add(example(user, catalogue[random.nextInt(catalogue.length)], 0.0));
            }
        }
        return examples;
    }

    private static ArrayExample<Regressor> example(int user, int item, double target) {
        return new ArrayExample<>(
                new Regressor(OUTPUT, target),
                new String[] {userFeature(user), itemFeature(item)},
                new double[] {1.0, 1.0});
    }

    private static String userFeature(int user) {
        return "user=" + user;
    }

    private static String itemFeature(int item) {
        return "item=" + item;
    }

    /** The learned weights, indexed by the purchase log's user and item numbers. */
    private record Factors(double[] itemWeight, double[][] itemFactors, double[][] userFactors) {

        static Factors of(FMRegressionModel model, PurchaseLog history) {
            DenseMatrix linear = model.getLinearWeightsCopy();
            Tensor[] factors = model.getFactorsCopy();
            DenseMatrix embedding = (DenseMatrix) factors[0]; // factors x features
            var features = model.getFeatureIDMap();

            double[] itemWeight = new double[history.items().size()];
            double[][] itemFactors = new double[history.items().size()][];
            for (int item = 0; item < itemWeight.length; item++) {
                var info = features.get(itemFeature(item));
                if (info != null) {
                    itemWeight[item] = linear.get(0, info.getID());
                    itemFactors[item] = embedding.getColumn(info.getID()).toArray();
                }
            }
            double[][] userFactors = new double[history.users().size()][];
            for (int user = 0; user < userFactors.length; user++) {
                var info = features.get(userFeature(user));
                if (info != null) {
                    userFactors[user] = embedding.getColumn(info.getID()).toArray();
                }
            }
            return new Factors(itemWeight, itemFactors, userFactors);
        }

        double score(int user, int item) {
            double score = itemWeight[item];
            double[] u = user < userFactors.length ? userFactors[user] : null;
            double[] v = itemFactors[item];
            if (u != null && v != null) {
                for (int f = 0; f < u.length; f++) {
                    score += u[f] * v[f];
                }
            }
            return score;
        }
    }

    private record Ranker(Factors factors, BitSet candidates) implements CutoffRanker {

        @Override
        public int[] rank(int user, String country, int k, IntPredicate excluded) {
            int[] items = candidates.stream().filter(item -> !excluded.test(item)).toArray();
            double[] scores = new double[items.length];
            Integer[] order = new Integer[items.length];
            for (int i = 0; i < items.length; i++) {
                scores[i] = factors.score(user, items[i]);
                order[i] = i;
            }
            Arrays.sort(
                    order,
                    (a, b) ->
                            scores[a] != scores[b]
                                    ? Double.compare(scores[b], scores[a])
                                    : Integer.compare(items[a], items[b]));
            int size = Math.min(k, items.length);
            int[] top = new int[size];
            for (int i = 0; i < size; i++) {
                top[i] = items[order[i]];
            }
            return top;
        }
    }
}
