package io.solstice.train.job;

import java.util.List;

/**
 * The newly trained model did not pass the {@link PromotionGate}: it was not published and the
 * served model is unchanged. The checks and figures are in the run's report at {@link
 * #reportLocation()}.
 */
public final class ModelNotPromotedException extends RuntimeException {

    private final transient List<String> checks;
    private final String reportLocation;

    public ModelNotPromotedException(List<String> checks, String reportLocation) {
        super(
                "model not promoted: "
                        + String.join("; ", checks)
                        + ". The served model is unchanged. Report: "
                        + reportLocation);
        this.checks = List.copyOf(checks);
        this.reportLocation = reportLocation;
    }

    /** Every check of the gate, passed or failed, as a sentence. */
    public List<String> checks() {
        return checks;
    }

    public String reportLocation() {
        return reportLocation;
    }
}
