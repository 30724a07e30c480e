package io.solstice.train.job;

import io.solstice.quality.DataQualityReport;
import io.solstice.quality.QualityGate;
import io.solstice.quality.QualityReportHtml;
import io.solstice.quality.QualityReportJson;
import io.solstice.quality.QualitySummary;
import io.solstice.quality.QualityThresholds;
import io.solstice.quality.QualityViolation;
import io.solstice.store.s3.RunReports;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The train job's data quality step, run after reading the data and before training: prints the
 * short report, writes the full one (JSON and HTML) to {@code reports/<run>/} in the model bucket,
 * and refuses the run when the data breaks a {@link QualityThresholds limit}.
 */
final class DataQualityCheck {

    private static final Logger LOG = Logger.getLogger(DataQualityCheck.class);

    private final QualityThresholds thresholds;
    private final RunReports reports;
    private final PrintStream out;

    DataQualityCheck(QualityThresholds thresholds, RunReports reports, PrintStream out) {
        this.thresholds = thresholds;
        this.reports = reports;
        this.out = out;
    }

    /**
     * Checks one run's report.
     *
     * @param run the run's id, its model version
     * @return the report files to publish beside the model
     * @throws TrainingRefusedException when the data breaks a limit; the report is written first
     */
    Map<String, byte[]> check(DataQualityReport report, String run) {
        List<QualityViolation> violations = QualityGate.check(report, thresholds);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(QualityReportJson.FILE_NAME, QualityReportJson.write(report, violations));
        files.put(QualityReportHtml.FILE_NAME, QualityReportHtml.render(report, violations));

        String location = reports.write(run, files);
        QualitySummary.lines(report, thresholds, violations).forEach(out::println);
        out.println("  full report: " + location + QualityReportHtml.FILE_NAME + " (and .json)");

        if (!violations.isEmpty()) {
            violations.forEach(DataQualityCheck::log);
            throw new TrainingRefusedException(violations, location);
        }
        LOG.infof("quality gate passed run=%s report=%s", run, location);
        return files;
    }

    private static void log(QualityViolation violation) {
        LOG.errorf(
                "quality gate refused rule=%s figure=%.4f limit=%.4f variable=%s",
                violation.rule(), violation.figure(), violation.limit(), violation.variable());
    }
}
