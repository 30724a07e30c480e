package io.solstice.train.evaluation;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.evaluation.EvaluateBaselines;
import io.solstice.evaluation.Evaluation;
import io.solstice.evaluation.EvaluationReport;
import io.solstice.evaluation.EvaluationSettings;
import io.solstice.evaluation.Recommender;
import io.solstice.evaluation.ReportTable;
import io.solstice.event.CatalogItem;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.feature.TrainingSchedule;
import io.solstice.history.PurchaseLog;
import io.solstice.model.RankingHyperparameters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates the seasonal model beside the baselines. */
public final class EvaluationCommand {

    private EvaluationCommand() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        Path output = Path.of(args.length > 1 ? args[1] : "target/evaluation");
        TransactionsCsv reader = new TransactionsCsv(ColumnMapping.onlineRetail());
        TransactionsCsv.Contents contents = reader.readAll(csv);
        Map<String, String> descriptions = new HashMap<>();
        for (CatalogItem item : contents.report().catalog()) {
            descriptions.put(item.itemId(), item.displayText());
        }
        PurchaseLog log =
                PurchaseLog.of(
                        new PurchaseCleaner(CleaningPolicy.defaults())
                                .clean(contents.interactions())
                                .purchases());
        EvaluationSettings settings = EvaluationSettings.publicProtocol(output);
        if (args.length > 2) {
            List<LocalDate> cutoffs = new ArrayList<>();
            for (String c : args[2].split(",")) {
                cutoffs.add(LocalDate.parse(c));
            }
            settings = settings.withCutoffs(cutoffs);
        }
        List<Recommender> methods = new ArrayList<>();
        methods.add(
                new SeasonalModelRecommender(
                        SeasonCalendar.standard(),
                        descriptions,
                        RankingHyperparameters.defaults(),
                        TrainingSchedule.defaults()));
        if (System.getProperty("baselines") != null) {
            methods.addAll(EvaluateBaselines.baselines());
        }
        List<EvaluationReport> reports = new Evaluation(log, settings).evaluateAll(methods);
        for (EvaluationReport report : reports) {
            System.out.println(report.table());
        }
        System.out.println(ReportTable.comparison(reports));
    }
}
