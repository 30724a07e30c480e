package io.solstice.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many events each {@link CleaningRule} touched, with up to five example event ids each. */
public final class CleaningReport {

    private static final int EXAMPLES_PER_RULE = 5;

    private final Map<CleaningRule, Long> counts = new EnumMap<>(CleaningRule.class);
    private final Map<CleaningRule, List<String>> examples = new EnumMap<>(CleaningRule.class);
    private long seen;
    private long kept;

    void recordSeen() {
        seen++;
    }

    void recordKept() {
        kept++;
    }

    void record(CleaningRule rule, String eventId) {
        counts.merge(rule, 1L, Long::sum);
        List<String> ids = examples.computeIfAbsent(rule, r -> new ArrayList<>());
        if (ids.size() < EXAMPLES_PER_RULE) {
            ids.add(eventId);
        }
    }

    /** Events looked at. */
    public long seen() {
        return seen;
    }

    /** Events that became clean purchases (including fixed ones). */
    public long kept() {
        return kept;
    }

    /** Events the rule touched; 0 when none. */
    public long count(CleaningRule rule) {
        return counts.getOrDefault(rule, 0L);
    }

    /** Up to five event ids the rule touched. */
    public List<String> examples(CleaningRule rule) {
        return Collections.unmodifiableList(examples.getOrDefault(rule, List.of()));
    }

    /** One line per rule that touched anything, e.g. {@code GUEST dropped 135080}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("seen=").append(seen).append(" kept=").append(kept);
        for (Map.Entry<CleaningRule, Long> entry : counts.entrySet()) {
            CleaningRule rule = entry.getKey();
            text.append(System.lineSeparator())
                    .append("  ")
                    .append(rule)
                    .append(' ')
                    .append(rule.action().name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ')
                    .append(entry.getValue());
        }
        return text.toString();
    }
}
