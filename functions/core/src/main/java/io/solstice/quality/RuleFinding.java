package io.solstice.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one data quality rule found: how many rows it touched, what cleaning did to them, and a few
 * example ids to look up.
 *
 * @param rule stable name, {@code section.what}, e.g. {@code completeness.missing_user}
 * @param measure how the rule counts, in one sentence
 * @param unit what a row is: {@code events} or {@code items} (catalogue entries)
 * @param measured false when the source cannot tell (then {@code rows} is 0 and {@code note} says
 *     why)
 * @param rows rows the rule touched
 * @param outOf rows it looked at (the share's denominator)
 * @param share {@code rows / outOf}, 0 when {@code outOf} is 0
 * @param outcome what the cleaning rules did to the touched events; {@code null} for items, which
 *     cleaning does not change
 * @param examples up to five ids (event ids or item ids) of touched rows, earliest first
 * @param note why the rule could not measure, or a caveat; {@code null} when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleFinding(
        String rule,
        String measure,
        String unit,
        boolean measured,
        long rows,
        long outOf,
        double share,
        Outcome outcome,
        List<String> examples,
        String note) {

    /** Most example ids a finding keeps. */
    public static final int MAX_EXAMPLES = 5;

    public RuleFinding {
        examples = List.copyOf(examples);
    }

    /** A finding the source's data cannot support; {@code note} says why. */
    public static RuleFinding notMeasured(String rule, String measure, String unit, String note) {
        return new RuleFinding(rule, measure, unit, false, 0, 0, 0, null, List.of(), note);
    }

    /** The same finding with a caveat attached. */
    public RuleFinding withNote(String text) {
        return new RuleFinding(
                rule, measure, unit, measured, rows, outOf, share, outcome, examples, text);
    }

    /** {@code part / whole}, 0 when {@code whole} is 0. */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * What cleaning did to the events a rule touched. Every touched event is counted once, in
     * exactly one of kept, fixed or dropped.
     *
     * @param kept events that became clean purchases unchanged
     * @param fixed events kept with a value adjusted (e.g. a quantity capped)
     * @param dropped events left out of training and evaluation
     * @param droppedBy dropped events by the cleaning rule that dropped them (the first that
     *     applies), in rule order
     */
    public record Outcome(long kept, long fixed, long dropped, Map<String, Long> droppedBy) {

        public Outcome {
            droppedBy = Collections.unmodifiableMap(new LinkedHashMap<>(droppedBy));
        }
    }
}
