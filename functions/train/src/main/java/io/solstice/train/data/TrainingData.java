package io.solstice.train.data;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.CleaningReport;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.history.PurchaseLog;
import io.solstice.model.CatalogEntry;
import io.solstice.quality.DataQualityReport;
import io.solstice.quality.QualityAnalyzer;
import io.solstice.quality.QualityOptions;
import io.solstice.quality.SourceEvidence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events and catalogue turned into what training and evaluation read: the clean purchase log, the
 * report of what the cleaning rules dropped or fixed, item descriptions, and the data quality
 * report of the raw events.
 *
 * @param eventsRead raw events read from the source
 * @param quality the data quality report of the raw events and catalogue
 */
public record TrainingData(
        long eventsRead,
        PurchaseLog log,
        CleaningReport cleaning,
        Map<String, String> descriptions,
        List<CatalogEntry> catalog,
        DataQualityReport quality) {

    /** Cleans {@code events} with the shared cleaning rules; quality measured as of now. */
    public static TrainingData of(List<Interaction> events, List<CatalogItem> items) {
        return of(events, items, SourceEvidence.none("unknown"), QualityOptions.defaults(), now());
    }

    /**
     * Cleans {@code events} with the shared cleaning rules and reports on their quality.
     *
     * @param evidence what the source knows beyond the events (stored times, descriptions)
     * @param options how quality is measured
     * @param asOf the run's as-of time for the quality report's ages
     */
    public static TrainingData of(
            List<Interaction> events,
            List<CatalogItem> items,
            SourceEvidence evidence,
            QualityOptions options,
            Instant asOf) {
        CleaningPolicy policy = CleaningPolicy.defaults();
        PurchaseCleaner.Result cleaned = new PurchaseCleaner(policy).clean(events);
        DataQualityReport quality =
                new QualityAnalyzer(policy, options, Clock.systemUTC())
                        .analyze(events, items, cleaned.report(), evidence, asOf);

        Map<String, String> descriptions = new HashMap<>();
        for (CatalogItem item : items) {
            descriptions.put(item.itemId(), item.displayText());
        }
        List<CatalogEntry> catalog = items.stream().map(CatalogEntry::of).toList();
        return new TrainingData(
                events.size(),
                PurchaseLog.of(cleaned.purchases()),
                cleaned.report(),
                descriptions,
                catalog,
                quality);
    }

    /** The day after the last purchase: the natural cutoff for a model trained on everything. */
    public LocalDate dayAfterLastPurchase() {
        return LocalDate.ofEpochDay(log.lastDay() + 1L);
    }

    private static Instant now() {
        return Clock.systemUTC().instant();
    }
}
