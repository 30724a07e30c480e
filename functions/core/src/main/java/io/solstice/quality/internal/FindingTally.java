package io.solstice.quality.internal;

import io.solstice.clean.CleaningRule;
import io.solstice.quality.RuleFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts the rows one rule touches, what cleaning did to them, and keeps the first few ids. */
public final class FindingTally {

    private final String rule;
    private final String measure;
    private final String unit;
    private final List<String> examples = new ArrayList<>();
    private final Map<CleaningRule, Long> droppedBy = new EnumMap<>(CleaningRule.class);
    private long rows;
    private long kept;
    private long fixed;

    private FindingTally(String rule, String measure, String unit) {
        this.rule = rule;
        this.measure = measure;
        this.unit = unit;
    }

    /** A rule over events. */
    public static FindingTally events(String rule, String measure) {
        return new FindingTally(rule, measure, "events");
    }

    /** A rule over catalogue entries or distinct item ids. */
    public static FindingTally items(String rule, String measure) {
        return new FindingTally(rule, measure, "items");
    }

    /** Counts one touched event with what cleaning did to it. */
    public void add(String eventId, EventFate fate) {
        count(eventId);
        if (fate.dropping() != null) {
            droppedBy.merge(fate.dropping(), 1L, Long::sum);
        } else if (fate.fixed()) {
            fixed++;
        } else {
            kept++;
        }
    }

    /** Counts one touched item. */
    public void addItem(String itemId) {
        count(itemId);
    }

    public long rows() {
        return rows;
    }

    /** The finding, with {@code outOf} rows looked at. */
    public RuleFinding finish(long outOf) {
        RuleFinding.Outcome outcome = unit.equals("events") ? outcome() : null;
        return new RuleFinding(
                rule,
                measure,
                unit,
                true,
                rows,
                outOf,
                RuleFinding.share(rows, outOf),
                outcome,
                examples,
                null);
    }

    private void count(String id) {
        rows++;
        if (examples.size() < RuleFinding.MAX_EXAMPLES) {
            examples.add(id);
        }
    }

    private RuleFinding.Outcome outcome() {
        Map<String, Long> byName = new LinkedHashMap<>();
        droppedBy.forEach((cleaningRule, count) -> byName.put(cleaningRule.name(), count));
        long dropped = droppedBy.values().stream().mapToLong(Long::longValue).sum();
        return new RuleFinding.Outcome(kept, fixed, dropped, byName);
    }
}
