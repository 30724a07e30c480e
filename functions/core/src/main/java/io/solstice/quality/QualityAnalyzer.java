package io.solstice.quality;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.CleaningReport;
import io.solstice.clean.CleaningRule;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.quality.DataQualityReport.CleaningStep;
import io.solstice.quality.DataQualityReport.DayVolume;
import io.solstice.quality.internal.DailyVolumes;
import io.solstice.quality.internal.EventChecks;
import io.solstice.quality.internal.FindingTally;
import io.solstice.quality.internal.LagSample;
import io.solstice.quality.internal.PriceMedians;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Computes the {@link DataQualityReport} of a run from its raw events, its catalogue and the report
 * of the shared cleaning rules. The cleaning decisions are read from {@link PurchaseCleaner} (with
 * the same policy that cleaned the training data); nothing here decides what is dropped.
 *
 * <p>Events are looked at in time order (ties by event id), so the example ids are the earliest
 * touched rows and do not depend on the order a store returned them in.
 */
public final class QualityAnalyzer {

    private static final Logger LOG = Logger.getLogger(QualityAnalyzer.class);
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final int LISTED_CODES = 10;

    private final PurchaseCleaner cleaner;
    private final QualityOptions options;
    private final Clock clock;

    /**
     * @param policy the cleaning policy that produced the {@link CleaningReport} passed to {@link
     *     #analyze}
     * @param options how to measure
     * @param clock the wall clock: the report's generation time, after which events are "future"
     */
    public QualityAnalyzer(CleaningPolicy policy, QualityOptions options, Clock clock) {
        this.cleaner = new PurchaseCleaner(policy);
        this.options = options;
        this.clock = clock;
    }

    /**
     * The report of one run.
     *
     * @param events the raw events, in any order
     * @param catalog the catalogue entries, in any order
     * @param cleaning what the cleaning rules did to {@code events}
     * @param evidence stored times and description variants, where the source has them
     * @param asOf the run's as-of time: ages and the recent window are measured back from it
     */
    public DataQualityReport analyze(
            List<Interaction> events,
            List<CatalogItem> catalog,
            CleaningReport cleaning,
            SourceEvidence evidence,
            Instant asOf) {
        long started = System.nanoTime();
        Instant generatedAt = clock.instant();
        List<Interaction> ordered = inTimeOrder(events);
        List<String> notes = new ArrayList<>();

        EventChecks checks = eventChecks(ordered, catalog, evidence, generatedAt);
        List<DayVolume> days = checks.daily.days();
        CatalogFindings items = catalogFindings(ordered, catalog, evidence, notes);

        DataQualityReport report =
                new DataQualityReport(
                        generatedAt,
                        asOf,
                        events.size(),
                        catalog.size(),
                        cleaning.kept(),
                        completeness(checks, items, events.size()),
                        accuracy(checks, events.size()),
                        consistency(checks, items, events.size()),
                        timeliness(ordered, checks, days, evidence, asOf, notes),
                        cleaningSteps(cleaning),
                        days,
                        notes);
        LOG.infof(
                "quality report computed source=%s events=%d items=%d seconds=%.1f",
                evidence.source(),
                events.size(),
                catalog.size(),
                (System.nanoTime() - started) / 1e9);
        return report;
    }

    private static List<Interaction> inTimeOrder(List<Interaction> events) {
        List<Interaction> ordered = new ArrayList<>(events);
        ordered.sort(
                Comparator.comparing(Interaction::occurredAt, OffsetDateTime.timeLineOrder())
                        .thenComparing(Interaction::eventId));
        return ordered;
    }

    private EventChecks eventChecks(
            List<Interaction> ordered,
            List<CatalogItem> catalog,
            SourceEvidence evidence,
            Instant generatedAt) {
        PriceMedians prices =
                PriceMedians.of(
                        ordered,
                        options.priceOutlierFactor(),
                        QualityOptions.MIN_PRICED_LINES_PER_ITEM);
        Set<String> catalogIds =
                catalog.stream().map(CatalogItem::itemId).collect(Collectors.toSet());
        EventChecks checks =
                new EventChecks(
                        cleaner,
                        prices,
                        options.priceOutlierFactor(),
                        catalogIds,
                        generatedAt,
                        options.shopOpened());

        for (Interaction event : ordered) {
            checks.accept(event);
            Instant storedAt = evidence.storedAt().get(event.eventId());
            if (storedAt != null) {
                checks.addStoredAt(event, storedAt);
            }
        }
        return checks;
    }

    private static DataQualityReport.Completeness completeness(
            EventChecks checks, CatalogFindings items, long events) {
        return new DataQualityReport.Completeness(
                checks.missingUser.finish(events),
                checks.missingItem.finish(events),
                checks.missingPrice.finish(events),
                checks.missingCountry.finish(events),
                items.withoutDescription());
    }

    private static DataQualityReport.Accuracy accuracy(EventChecks checks, long events) {
        return new DataQualityReport.Accuracy(
                checks.nonPositiveQuantity.finish(events),
                checks.nonPositivePrice.finish(events),
                checks.quantityOutliers.finish(events),
                checks.priceOutliers.finish(events),
                checks.nonProductCodes
                        .finish(events)
                        .withNote(codes("distinct codes", checks.nonProductItemIds)),
                checks.futureTimestamps.finish(events),
                checks.beforeShopOpened.finish(events));
    }

    private static DataQualityReport.Consistency consistency(
            EventChecks checks, CatalogFindings items, long events) {
        long cancellations = checks.cancellations.rows();
        return new DataQualityReport.Consistency(
                checks.unknownItems
                        .finish(events)
                        .withNote(codes("distinct item ids", checks.unknownItemIds)),
                checks.cancellations.finish(events),
                checks.cancellationsWithPurchase.finish(cancellations),
                checks.cancellationsWithoutPurchase.finish(cancellations),
                items.conflictingDescriptions(),
                items.conflictingCategories(),
                checks.duplicateEventIds.finish(events),
                checks.duplicateLines.finish(events),
                items.duplicateIds());
    }

    private DataQualityReport.Timeliness timeliness(
            List<Interaction> ordered,
            EventChecks checks,
            List<DayVolume> days,
            SourceEvidence evidence,
            Instant asOf,
            List<String> notes) {
        Instant oldest = ordered.isEmpty() ? null : ordered.get(0).occurredAt().toInstant();
        Instant newest =
                ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).occurredAt().toInstant();
        double ageHours =
                newest == null ? 0 : Duration.between(newest, asOf).toMillis() / MILLIS_PER_HOUR;

        return new DataQualityReport.Timeliness(
                oldest,
                newest,
                ageHours,
                options.recentDays(),
                recentEvents(ordered, asOf),
                ingestionLag(checks.lags, evidence, notes),
                DailyVolumes.emptyDays(days, false),
                DailyVolumes.emptyDays(days, true),
                lowDayRule(),
                DailyVolumes.lowDays(
                        days,
                        options.lowDayFraction(),
                        options.trailingDays(),
                        QualityOptions.MIN_TRAILING_TRADING_DAYS));
    }

    private long recentEvents(List<Interaction> ordered, Instant asOf) {
        Instant from = asOf.minus(Duration.ofDays(options.recentDays()));
        return ordered.stream()
                .map(e -> e.occurredAt().toInstant())
                .filter(at -> !at.isBefore(from) && at.isBefore(asOf))
                .count();
    }

    private static DataQualityReport.IngestionLag ingestionLag(
            LagSample lags, SourceEvidence evidence, List<String> notes) {
        if (lags.size() == 0) {
            String note =
                    "not measured: the "
                            + evidence.source()
                            + " source keeps no time at which each event was stored";
            notes.add("Ingestion lag " + note + ".");
            return new DataQualityReport.IngestionLag(false, 0, 0, 0, 0, 0, note);
        }
        return new DataQualityReport.IngestionLag(
                true,
                lags.size(),
                lags.percentileHours(0.5),
                lags.percentileHours(0.95),
                lags.percentileHours(1.0),
                lags.negative(),
                null);
    }

    private String lowDayRule() {
        return String.format(
                Locale.ROOT,
                "a day with events but fewer than %s of the median of the days with events among"
                        + " the %d days before it (judged once at least %d such days exist);"
                        + " Saturdays and Sundays without events are listed apart",
                String.format(Locale.ROOT, "%.0f%%", options.lowDayFraction() * 100),
                options.trailingDays(),
                QualityOptions.MIN_TRAILING_TRADING_DAYS);
    }

    private static List<CleaningStep> cleaningSteps(CleaningReport cleaning) {
        List<CleaningStep> steps = new ArrayList<>();
        for (CleaningRule rule : CleaningRule.values()) {
            steps.add(
                    new CleaningStep(
                            rule.name(),
                            rule.action().name().toLowerCase(Locale.ROOT),
                            cleaning.count(rule),
                            cleaning.examples(rule)));
        }
        return steps;
    }

    private static String codes(String what, Set<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        String listed = ids.stream().limit(LISTED_CODES).collect(Collectors.joining(", "));
        return ids.size() + " " + what + ": " + listed + (ids.size() > LISTED_CODES ? ", ..." : "");
    }

    private static CatalogFindings catalogFindings(
            List<Interaction> ordered,
            List<CatalogItem> catalog,
            SourceEvidence evidence,
            List<String> notes) {
        FindingTally withoutDescription =
                FindingTally.items(
                        "completeness.items_without_description",
                        "catalogue entries with neither description nor title");
        FindingTally duplicates =
                FindingTally.items(
                        "consistency.duplicate_catalog_ids",
                        "a catalogue entry whose item id an earlier entry already had");
        FindingTally categories =
                FindingTally.items(
                        "consistency.conflicting_categories",
                        "item ids listed more than once in the catalogue with different"
                                + " categories");

        Map<String, CatalogItem> first = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (CatalogItem item : catalog) {
            if (isBlank(item.description()) && isBlank(item.title())) {
                withoutDescription.addItem(item.itemId());
            }
            CatalogItem earlier = first.putIfAbsent(item.itemId(), item);
            if (earlier != null) {
                duplicates.addItem(item.itemId());
                if (!Objects.equals(earlier.category(), item.category())
                        && conflicting.add(item.itemId())) {
                    categories.addItem(item.itemId());
                }
            }
        }

        long itemIds = ordered.stream().map(Interaction::itemId).distinct().count();
        RuleFinding categoryFinding =
                categories
                        .finish(first.size())
                        .withNote(
                                "events carry no category and the catalogue keeps one entry per"
                                        + " item id, so only a repeated catalogue id can show a"
                                        + " conflict");
        return new CatalogFindings(
                withoutDescription.finish(catalog.size()),
                descriptions(evidence, itemIds, notes),
                categoryFinding,
                duplicates.finish(catalog.size()));
    }

    private static RuleFinding descriptions(
            SourceEvidence evidence, long itemIds, List<String> notes) {
        String rule = "consistency.conflicting_descriptions";
        String measure = "item ids whose events carry more than one distinct description";
        if (evidence.descriptionVariants().isEmpty()) {
            String note =
                    "not measured: events from the "
                            + evidence.source()
                            + " source carry no description and the catalogue holds one per item"
                            + " id; a transactions file import reports conflicts";
            notes.add("Conflicting descriptions " + note + ".");
            return RuleFinding.notMeasured(rule, measure, "items", note);
        }

        Map<String, List<String>> variants = evidence.descriptionVariants().get();
        FindingTally tally = FindingTally.items(rule, measure);
        variants.keySet().stream().sorted().forEach(tally::addItem);
        RuleFinding finding = tally.finish(itemIds);
        return variants.isEmpty() ? finding : finding.withNote(example(variants, finding));
    }

    private static String example(Map<String, List<String>> variants, RuleFinding finding) {
        String item = finding.examples().get(0);
        return "e.g. "
                + item
                + ": "
                + variants.get(item).stream()
                        .map(text -> "'" + text + "'")
                        .collect(Collectors.joining(" / "));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The catalogue-level findings. */
    private record CatalogFindings(
            RuleFinding withoutDescription,
            RuleFinding conflictingDescriptions,
            RuleFinding conflictingCategories,
            RuleFinding duplicateIds) {}
}
