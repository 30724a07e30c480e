package io.solstice.evaluation;

import java.util.Locale;

/** Which purchases in the test window count as hits. */
public enum EvaluationMode {
    /** Every item bought in the window counts, re-orders included. */
    ALL,
    /**
     * Only items new to the user count; the user's past items are excluded from the ranked list,
     * and users who bought nothing new are left out.
     */
    DISCOVERY;

    /** The lower-case name used in tables and in the ranked-list file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
