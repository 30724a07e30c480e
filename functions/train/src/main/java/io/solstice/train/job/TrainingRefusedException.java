package io.solstice.train.job;

import io.solstice.quality.QualityViolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The train job refused to train because the data broke the quality limits: no model was published
 * and the served one is unchanged. The full report is at {@link #reportLocation()}.
 */
public final class TrainingRefusedException extends RuntimeException {

    private final transient List<QualityViolation> violations;
    private final String reportLocation;

    /**
     * @param violations the limits the data broke, at least one
     * @param reportLocation the S3 URI of the folder holding the run's report
     */
    public TrainingRefusedException(List<QualityViolation> violations, String reportLocation) {
        super(message(violations, reportLocation));
        this.violations = List.copyOf(violations);
        this.reportLocation = reportLocation;
    }

    /** The limits the data broke. */
    public List<QualityViolation> violations() {
        return violations;
    }

    /** The S3 URI of the folder holding the run's quality report. */
    public String reportLocation() {
        return reportLocation;
    }

    private static String message(List<QualityViolation> violations, String reportLocation) {
        return "training refused: the data broke "
                + violations.size()
                + (violations.size() == 1 ? " quality limit: " : " quality limits: ")
                + violations.stream()
                        .map(QualityViolation::message)
                        .collect(Collectors.joining("; "))
                + ". No model was published; the served model is unchanged. Full report: "
                + reportLocation;
    }
}
