package io.solstice.evaluation;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.evaluation.baseline.AllTimePopularity;
import io.solstice.evaluation.baseline.BaselineSettings;
import io.solstice.evaluation.baseline.ItemKnn;
import io.solstice.evaluation.baseline.RecentPopularity;
import io.solstice.evaluation.baseline.UserHistoryThenPopularity;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.history.PurchaseLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the five baselines of {@code EVALUATION.md} on a transactions file and prints their tables.
 *
 * <pre>
 * EvaluateBaselines &lt;transactions.csv[.gz]&gt; [--option=value ...]
 *   --output=DIR               ranked-list files (default target/evaluation)
 *   --cutoffs=DATE,DATE,...    cutoff dates, ISO (default: the six of the public protocol)
 *   --window-days=N            test window length in days (default 28)
 *   --k=K,K,...                list lengths to report (default 20,10)
 *   --column.FIELD=NAME        read FIELD (orderId, itemId, description, quantity, timestamp,
 *                              unitPrice, userId, country) from column NAME; empty NAME: absent
 *   --timestamp-pattern=P      java.time pattern of the timestamp column (yyyy-MM-dd HH:mm:ss)
 *   --zone=ZONE                zone the timestamps are local to (Europe/London)
 * </pre>
 *
 * The column defaults are those of the Online Retail file ({@link ColumnMapping#onlineRetail()});
 * purchases are cleaned with {@link CleaningPolicy#defaults()}.
 */
public final class EvaluateBaselines {

    private static final Logger LOG = Logger.getLogger(EvaluateBaselines.class);

    private EvaluateBaselines() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println(
                    "Usage: EvaluateBaselines <transactions.csv[.gz]> [--output=DIR]"
                            + " [--cutoffs=DATE,...] [--window-days=N] [--k=K,...]"
                            + " [--column.FIELD=NAME] [--timestamp-pattern=P] [--zone=ZONE]");
            System.exit(2);
        }
        EvaluationOptions options =
                EvaluationOptions.parse(Arrays.asList(args).subList(1, args.length));
        List<EvaluationReport> reports =
                run(Path.of(args[0]), options.mapping(), options.settings(), System.out);
        System.out.println(ReportTable.comparison(reports));
    }

    /**
     * The public protocol on an Online Retail file: prints each method's per-cutoff table to {@code
     * out} and returns the reports.
     */
    public static List<EvaluationReport> run(Path transactions, Path output, PrintStream out)
            throws IOException {
        return run(
                transactions,
                ColumnMapping.onlineRetail(),
                EvaluationSettings.publicProtocol(output),
                out);
    }

    /** Reads, cleans and evaluates; prints each method's per-cutoff table to {@code out}. */
    public static List<EvaluationReport> run(
            Path transactions, ColumnMapping mapping, EvaluationSettings settings, PrintStream out)
            throws IOException {
        long started = System.nanoTime();
        PurchaseLog log = load(transactions, mapping);
        Evaluation evaluation = new Evaluation(log, settings);
        List<EvaluationReport> reports = evaluation.evaluateAll(baselines());
        for (EvaluationReport report : reports) {
            out.println(report.table());
            out.println("ranked lists: " + report.rankedLists());
            out.println();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infov("Evaluated baselines=5 seconds={0}", Math.round(seconds * 10) / 10.0);
        return reports;
    }

    /** Reads and cleans an Online Retail transactions file into a purchase log. */
    public static PurchaseLog load(Path transactions) throws IOException {
        return load(transactions, ColumnMapping.onlineRetail());
    }

    /** Reads and cleans a transactions file into a purchase log. */
    public static PurchaseLog load(Path transactions, ColumnMapping mapping) throws IOException {
        TransactionsCsv.Contents contents = new TransactionsCsv(mapping).readAll(transactions);
        PurchaseCleaner.Result clean =
                new PurchaseCleaner(CleaningPolicy.defaults()).clean(contents.interactions());
        LOG.infov(
                "Cleaned purchases seen={0} kept={1}",
                clean.report().seen(), clean.report().kept());
        return PurchaseLog.of(clean.purchases());
    }

    /** The five baselines, in the order of {@code EVALUATION.md}. */
    public static List<Recommender> baselines() {
        BaselineSettings settings = BaselineSettings.protocol();
        return List.of(
                new AllTimePopularity(),
                new RecentPopularity(settings.popularityDays()),
                new UserHistoryThenPopularity(settings),
                ItemKnn.fromHistory(settings),
                ItemKnn.historyFirst(settings));
    }
}
