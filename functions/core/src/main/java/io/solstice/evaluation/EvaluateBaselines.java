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
import java.util.List;

/**
 * Runs the five baselines of {@code EVALUATION.md} on a transactions file and prints their tables.
 *
 * <p>Usage: {@code EvaluateBaselines <transactions.csv[.gz]> [output-directory]}. The file is read
 * with the Online Retail {@link ColumnMapping}, cleaned with {@link CleaningPolicy#defaults()} and
 * evaluated with {@link EvaluationSettings#publicProtocol}; ranked lists go to the output directory
 * ({@code target/evaluation} by default).
 */
public final class EvaluateBaselines {

    private EvaluateBaselines() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println(
                    "Usage: EvaluateBaselines <transactions.csv[.gz]> [output-directory]");
            System.exit(2);
        }
        Path output = Path.of(args.length > 1 ? args[1] : "target/evaluation");
        List<EvaluationReport> reports = run(Path.of(args[0]), output, System.out);
        System.out.println(ReportTable.comparison(reports));
    }

    /** Reads, cleans and evaluates; prints each method's per-cutoff table to {@code out}. */
    public static List<EvaluationReport> run(Path transactions, Path output, PrintStream out)
            throws IOException {
        long started = System.nanoTime();
        PurchaseLog log = load(transactions);
        Evaluation evaluation = new Evaluation(log, EvaluationSettings.publicProtocol(output));
        List<EvaluationReport> reports = evaluation.evaluateAll(baselines());
        for (EvaluationReport report : reports) {
            out.println(report.table());
            out.println("ranked lists: " + report.rankedLists());
        }
        out.printf("total seconds: %.1f%n", (System.nanoTime() - started) / 1e9);
        return reports;
    }

    /** Reads and cleans an Online Retail transactions file into a purchase log. */
    public static PurchaseLog load(Path transactions) throws IOException {
        TransactionsCsv csv = new TransactionsCsv(ColumnMapping.onlineRetail());
        TransactionsCsv.Contents contents = csv.readAll(transactions);
        PurchaseCleaner cleaner = new PurchaseCleaner(CleaningPolicy.defaults());
        return PurchaseLog.of(cleaner.clean(contents.interactions()).purchases());
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
