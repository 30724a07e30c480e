package io.solstice.train.data;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.CleaningReport;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.history.PurchaseLog;
import io.solstice.model.CatalogEntry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events and catalogue turned into what training and evaluation read: the clean purchase log, the
 * report of what the cleaning rules dropped or fixed, and item descriptions.
 *
 * @param eventsRead raw events read from the source
 */
public record TrainingData(
        long eventsRead,
        PurchaseLog log,
        CleaningReport cleaning,
        Map<String, String> descriptions,
        List<CatalogEntry> catalog) {

    /** Cleans {@code events} with the shared cleaning rules. */
    public static TrainingData of(List<Interaction> events, List<CatalogItem> items) {
        PurchaseCleaner.Result cleaned =
                new PurchaseCleaner(CleaningPolicy.defaults()).clean(events);
        Map<String, String> descriptions = new HashMap<>();
        for (CatalogItem item : items) {
            descriptions.put(item.itemId(), item.displayText());
        }
        List<CatalogEntry> catalog =
                items.stream()
                        .map(i -> new CatalogEntry(i.itemId(), i.displayText(), i.category()))
                        .toList();
        return new TrainingData(
                events.size(),
                PurchaseLog.of(cleaned.purchases()),
                cleaned.report(),
                descriptions,
                catalog);
    }

    /** The day after the last purchase: the natural cutoff for a model trained on everything. */
    public LocalDate dayAfterLastPurchase() {
        return LocalDate.ofEpochDay(log.lastDay() + 1L);
    }
}
