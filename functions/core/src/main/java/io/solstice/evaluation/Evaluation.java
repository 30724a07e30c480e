package io.solstice.evaluation;

import io.solstice.history.PurchaseLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;

/**
 * The offline evaluation protocol of {@code EVALUATION.md}: a time-split, leave-the-future-out
 * evaluation of top-K recommendation at several cutoffs (Campos, Díez &amp; Cantador 2014,
 * "Time-aware recommender systems: a comprehensive survey and analysis of existing evaluation
 * protocols": a fixed time split with a test window).
 *
 * <p>For each cutoff T:
 *
 * <ol>
 *   <li>history = purchases before T; the method is fitted on it and on nothing else;
 *   <li>window = purchases in {@code [T, T + windowDays)};
 *   <li>test users = users with a purchase in the history and one in the window;
 *   <li>candidates = items bought in the history;
 *   <li>relevant items: in mode <em>all</em>, the distinct items the user bought in the window; in
 *       <em>discovery</em>, those minus the user's past items, leaving out users with none left,
 *       and with the user's past items excluded from the ranked list;
 *   <li>each test user's list of {@code max K} items is checked (candidates only, no excluded item,
 *       no duplicate), written out, and scored with {@link RankingMetrics} at each K.
 * </ol>
 *
 * <p>Metrics are means over test users per cutoff; a report's {@link EvaluationReport#mean mean} is
 * the plain mean over cutoffs. Users are ranked in parallel, so rankers must be thread-safe.
 * Per-cutoff data (test users, relevant sets) is computed once and shared by every method.
 */
public final class Evaluation {

    private static final Logger LOG = Logger.getLogger(Evaluation.class);

    private final PurchaseLog log;
    private final EvaluationSettings settings;
    private final Map<LocalDate, CutoffData> cutoffData = new LinkedHashMap<>();

    public Evaluation(PurchaseLog log, EvaluationSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    public EvaluationSettings settings() {
        return settings;
    }

    /** Evaluates each method in turn. */
    public List<EvaluationReport> evaluateAll(List<? extends Recommender> recommenders)
            throws IOException {
        List<EvaluationReport> reports = new ArrayList<>();
        for (Recommender recommender : recommenders) {
            reports.add(evaluate(recommender));
        }
        return reports;
    }

    /**
     * Fits {@code recommender} at every cutoff, scores its lists and writes them to {@code
     * <outputDirectory>/<name>-ranked-lists.csv.gz}.
     *
     * @throws IllegalStateException when a ranker returns an excluded item, a non-candidate or a
     *     duplicate
     */
    public EvaluationReport evaluate(Recommender recommender) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(settings.outputDirectory());
        Path file = settings.outputDirectory().resolve(fileName(recommender.name()));
        List<CutoffScore> scores = new ArrayList<>();
        try (Writer out = gzipWriter(file)) {
            out.write("cutoff,mode,user,rank,item\n");
            for (LocalDate cutoff : settings.cutoffs()) {
                scores.addAll(evaluateAt(recommender, data(cutoff), out));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.infov(
                "Evaluated method={0} cutoffs={1} seconds={2}",
                recommender.name(), settings.cutoffs().size(), elapsed.toMillis() / 1000.0);
        return new EvaluationReport(recommender.name(), settings, scores, file, elapsed);
    }

    private synchronized CutoffData data(LocalDate cutoff) {
        return cutoffData.computeIfAbsent(
                cutoff, c -> CutoffData.of(log, c, settings.windowDays()));
    }

    private List<CutoffScore> evaluateAt(Recommender recommender, CutoffData data, Writer out)
            throws IOException {
        CutoffRanker ranker = recommender.fit(data.history, data.cutoff);
        List<CutoffScore> scores = new ArrayList<>();
        for (EvaluationMode mode : EvaluationMode.values()) {
            int[] scored = usersToScore(data, mode);
            int[][] lists = rankAll(recommender.name(), ranker, data, mode, scored);
            write(out, data, mode, scored, lists);
            scores.add(score(data, mode, scored, lists));
        }
        return scores;
    }

    /** Positions (in the test users) of the users scored in {@code mode}. */
    private static int[] usersToScore(CutoffData data, EvaluationMode mode) {
        return IntStream.range(0, data.testUsers.length)
                .filter(i -> data.relevant(i, mode).length > 0)
                .toArray();
    }

    private int[][] rankAll(
            String method,
            CutoffRanker ranker,
            CutoffData data,
            EvaluationMode mode,
            int[] scored) {
        int k = settings.maxK();
        int[][] lists = new int[scored.length][];
        IntStream.range(0, scored.length)
                .parallel()
                .forEach(
                        s -> {
                            int user = data.testUsers[scored[s]];
                            IntPredicate excluded = excluded(data, mode, user);
                            int[] list = ranker.rank(user, data.countries[scored[s]], k, excluded);
                            check(method, data, mode, user, list, excluded);
                            lists[s] = list;
                        });
        return lists;
    }

    private static IntPredicate excluded(CutoffData data, EvaluationMode mode, int user) {
        if (mode == EvaluationMode.ALL) {
            return item -> false;
        }
        return item -> data.pastItems.contains(user, item);
    }

    private void check(
            String method,
            CutoffData data,
            EvaluationMode mode,
            int user,
            int[] list,
            IntPredicate excluded) {
        if (list.length > settings.maxK()) {
            fail(
                    method,
                    data,
                    mode,
                    user,
                    "returned " + list.length + " items for k=" + settings.maxK());
        }
        BitSet seen = new BitSet();
        for (int item : list) {
            if (item < 0 || !data.candidates.get(item)) {
                fail(method, data, mode, user, "returned item " + item + ", not a candidate");
            }
            if (excluded.test(item)) {
                fail(method, data, mode, user, "returned excluded item " + itemName(item));
            }
            if (seen.get(item)) {
                fail(method, data, mode, user, "returned item " + itemName(item) + " twice");
            }
            seen.set(item);
        }
    }

    private String itemName(int item) {
        return log.items().nameOf(item);
    }

    private void fail(String method, CutoffData data, EvaluationMode mode, int user, String what) {
        throw new IllegalStateException(
                "Ranker of method "
                        + method
                        + " at cutoff "
                        + data.cutoff
                        + ", mode "
                        + mode.label()
                        + ", user "
                        + log.users().nameOf(user)
                        + ": "
                        + what);
    }

    private CutoffScore score(CutoffData data, EvaluationMode mode, int[] scored, int[][] lists) {
        List<MetricsAtK> metrics = new ArrayList<>();
        for (int k : settings.ks()) {
            metrics.add(scoreAtK(data, mode, scored, lists, k));
        }
        LOG.debugv(
                "Scored cutoff={0} mode={1} users={2}", data.cutoff, mode.label(), scored.length);
        return new CutoffScore(data.cutoff, mode, scored.length, data.candidateCount, metrics);
    }

    private MetricsAtK scoreAtK(
            CutoffData data, EvaluationMode mode, int[] scored, int[][] lists, int k) {
        ListTally tally = new ListTally(k, settings.outOfSeason(), data);
        for (int s = 0; s < scored.length; s++) {
            int user = data.testUsers[scored[s]];
            int[] top = Arrays.copyOf(lists[s], Math.min(k, lists[s].length));
            tally.add(user, top, data.relevant(scored[s], mode));
        }
        return tally.metrics();
    }

    private void write(
            Writer out, CutoffData data, EvaluationMode mode, int[] scored, int[][] lists)
            throws IOException {
        StringBuilder line = new StringBuilder(64);
        String prefix = data.cutoff + "," + mode.label() + ",";
        for (int s = 0; s < scored.length; s++) {
            String user = log.users().nameOf(data.testUsers[scored[s]]);
            for (int rank = 0; rank < lists[s].length; rank++) {
                line.setLength(0);
                line.append(prefix).append(csv(user)).append(',').append(rank + 1).append(',');
                line.append(csv(itemName(lists[s][rank]))).append('\n');
                out.append(line);
            }
        }
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static Writer gzipWriter(Path file) throws IOException {
        return new BufferedWriter(
                new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                        StandardCharsets.UTF_8),
                1 << 16);
    }

    private static String fileName(String method) {
        String slug = method.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug + "-ranked-lists.csv.gz";
    }
}
