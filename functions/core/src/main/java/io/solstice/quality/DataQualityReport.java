package io.solstice.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The data quality report of one training run: what the raw events and the catalogue look like, and
 * what the shared cleaning rules did to them. Built by {@link QualityAnalyzer}, written as JSON by
 * {@link QualityReportJson} and as a page by {@link QualityReportHtml}, checked by {@link
 * QualityGate}.
 *
 * <p>Days are the events' own local dates (the shopper's UTC offset), as the cleaning rules and the
 * season features use them.
 *
 * @param generatedAt when the report was computed (wall clock); "future" means after this
 * @param asOf the run's as-of time: ages and the recent window are measured back from it
 * @param events raw events read
 * @param catalogItems catalogue entries read
 * @param cleanPurchases events the cleaning rules kept
 * @param completeness missing values
 * @param accuracy values that are present but implausible
 * @param consistency events that disagree with the catalogue or with each other
 * @param timeliness how fresh and how regular the feed is
 * @param cleaning every cleaning rule with the events it dropped or fixed
 * @param days one entry per calendar day from the first to the last event, empty days included
 * @param notes what the report could not measure from this source, and other caveats
 */
public record DataQualityReport(
        Instant generatedAt,
        Instant asOf,
        long events,
        long catalogItems,
        long cleanPurchases,
        Completeness completeness,
        Accuracy accuracy,
        Consistency consistency,
        Timeliness timeliness,
        List<CleaningStep> cleaning,
        List<DayVolume> days,
        List<String> notes) {

    public DataQualityReport {
        cleaning = List.copyOf(cleaning);
        days = List.copyOf(days);
        notes = List.copyOf(notes);
    }

    /** Share of events the cleaning rules dropped, 0 when there are none. */
    public double droppedShare() {
        return RuleFinding.share(events - cleanPurchases, events);
    }

    /**
     * Missing values.
     *
     * @param missingUser events without a shopper id (guest checkouts)
     * @param missingItem events with a blank item id
     * @param missingPrice events without a unit price
     * @param missingCountry events with no country, or the placeholder {@code Unspecified}
     * @param itemsWithoutDescription catalogue entries with neither description nor title
     */
    public record Completeness(
            RuleFinding missingUser,
            RuleFinding missingItem,
            RuleFinding missingPrice,
            RuleFinding missingCountry,
            RuleFinding itemsWithoutDescription) {

        public List<RuleFinding> all() {
            return List.of(
                    missingUser,
                    missingItem,
                    missingPrice,
                    missingCountry,
                    itemsWithoutDescription);
        }
    }

    /**
     * Values that are present but implausible.
     *
     * @param nonPositiveQuantity events with a quantity of zero or below
     * @param nonPositivePrice events with a unit price of zero or below
     * @param quantityOutliers events whose quantity is beyond the cleaning policy's cap, either
     *     sign
     * @param priceOutliers purchase lines priced far above their item's median price
     * @param nonProductCodes events whose item id is not a product code (postage, fees)
     * @param futureTimestamps events that happened after the report was generated
     * @param beforeShopOpened events dated before the configured shop-opening date
     */
    public record Accuracy(
            RuleFinding nonPositiveQuantity,
            RuleFinding nonPositivePrice,
            RuleFinding quantityOutliers,
            RuleFinding priceOutliers,
            RuleFinding nonProductCodes,
            RuleFinding futureTimestamps,
            RuleFinding beforeShopOpened) {

        public List<RuleFinding> all() {
            return List.of(
                    nonPositiveQuantity,
                    nonPositivePrice,
                    quantityOutliers,
                    priceOutliers,
                    nonProductCodes,
                    futureTimestamps,
                    beforeShopOpened);
        }
    }

    /**
     * Events that disagree with the catalogue or with each other.
     *
     * @param unknownItems events for item ids the catalogue lacks
     * @param cancellations cancellation and return events (what rule CANCELLATION drops)
     * @param cancellationsWithPurchase cancellations with an earlier purchase by the same shopper
     *     of the same item
     * @param cancellationsWithoutPurchase cancellations without one (guest ones included: they
     *     cannot be matched)
     * @param conflictingDescriptions item ids seen with more than one description
     * @param conflictingCategories item ids listed more than once in the catalogue with different
     *     categories
     * @param duplicateEventIds events whose id an earlier event already had
     * @param duplicateLines events identical to an earlier one in every field but the id
     * @param duplicateCatalogIds catalogue entries whose item id an earlier entry already had
     */
    public record Consistency(
            RuleFinding unknownItems,
            RuleFinding cancellations,
            RuleFinding cancellationsWithPurchase,
            RuleFinding cancellationsWithoutPurchase,
            RuleFinding conflictingDescriptions,
            RuleFinding conflictingCategories,
            RuleFinding duplicateEventIds,
            RuleFinding duplicateLines,
            RuleFinding duplicateCatalogIds) {

        public List<RuleFinding> all() {
            return List.of(
                    unknownItems,
                    cancellations,
                    cancellationsWithPurchase,
                    cancellationsWithoutPurchase,
                    conflictingDescriptions,
                    conflictingCategories,
                    duplicateEventIds,
                    duplicateLines,
                    duplicateCatalogIds);
        }
    }

    /**
     * How fresh and how regular the feed is.
     *
     * @param oldestEvent time of the earliest event; {@code null} when there are none
     * @param newestEvent time of the latest event; {@code null} when there are none
     * @param newestEventAgeHours hours from the newest event to {@code asOf}; negative when events
     *     later than the as-of time are stored (training leaves them out); 0 without events
     * @param recentDays length of the recent window, days
     * @param recentEvents events in the {@code recentDays} days before {@code asOf}
     * @param ingestionLag event time against stored time
     * @param emptyWeekdays Monday-to-Friday days with no events between the first and last day
     * @param emptyWeekendDays Saturdays and Sundays with no events (many shops do not trade then)
     * @param lowDayRule how a day with unusually few events is recognised
     * @param lowDays days with events but unusually few of them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timeliness(
            Instant oldestEvent,
            Instant newestEvent,
            double newestEventAgeHours,
            int recentDays,
            long recentEvents,
            IngestionLag ingestionLag,
            List<LocalDate> emptyWeekdays,
            List<LocalDate> emptyWeekendDays,
            String lowDayRule,
            List<LowDay> lowDays) {

        public Timeliness {
            emptyWeekdays = List.copyOf(emptyWeekdays);
            emptyWeekendDays = List.copyOf(emptyWeekendDays);
            lowDays = List.copyOf(lowDays);
        }
    }

    /**
     * Time from an event happening to its being stored, over the events with a stored time.
     *
     * @param measured false when the source keeps no stored time ({@code note} says so)
     * @param events events with a stored time
     * @param medianHours median lag, hours
     * @param p95Hours 95th percentile lag, hours
     * @param maxHours largest lag, hours
     * @param storedBeforeOccurred events stored before they happened (a clock problem)
     * @param note why it was not measured; {@code null} when it was
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IngestionLag(
            boolean measured,
            long events,
            double medianHours,
            double p95Hours,
            double maxHours,
            long storedBeforeOccurred,
            String note) {}

    /**
     * A day with events but unusually few.
     *
     * @param date the local date
     * @param events events that day
     * @param trailingMedian median events of the trading days in the trailing window
     */
    public record LowDay(LocalDate date, long events, double trailingMedian) {}

    /**
     * The volume of one calendar day.
     *
     * @param date the local date
     * @param events all events that day
     * @param purchaseLines purchase events that are not cancellations
     * @param zeroPriceLines those of them with a unit price of zero or below
     */
    public record DayVolume(LocalDate date, long events, long purchaseLines, long zeroPriceLines) {

        /** {@code zeroPriceLines / purchaseLines}, 0 on a day without purchase lines. */
        public double zeroPriceShare() {
            return RuleFinding.share(zeroPriceLines, purchaseLines);
        }
    }

    /**
     * One cleaning rule as applied in this run (the first rule that drops an event decides).
     *
     * @param rule the {@link io.solstice.clean.CleaningRule} name
     * @param action {@code dropped} or {@code fixed}
     * @param rows events it dropped or fixed
     * @param examples up to five of their event ids
     */
    public record CleaningStep(String rule, String action, long rows, List<String> examples) {

        public CleaningStep {
            examples = List.copyOf(examples);
        }
    }
}
