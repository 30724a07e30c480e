package io.solstice.rank.shopper;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.Interaction;
import io.solstice.feature.ShopperHistory;
import io.solstice.rank.model.ServedModel;
import io.solstice.store.dynamodb.EventStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads a shopper's stored events and summarises them the way training did: only events the
 * cleaning rules keep as purchases count, items the model does not know are skipped, and each
 * purchase counts on the shopper's local date, if that is before the date ranked for (an event late
 * on the previous UTC day can fall on the ranked date in the shopper's time zone).
 */
public final class ShopperReader {

    private final EventStore events;

    private final PurchaseCleaner cleaner = new PurchaseCleaner(CleaningPolicy.defaults());

    private final int limit;

    /**
     * @param events the events table
     * @param limit the most events read per shopper, newest first
     */
    public ShopperReader(EventStore events, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "solstice.history-limit must be at least 1, got " + limit);
        }
        this.events = events;
        this.limit = limit;
    }

    /**
     * The shopper's history before {@code date}.
     *
     * @param userId the shopper, or {@code null} for a guest
     * @param date events before the start of this day in UTC are read
     * @param model maps item ids to the model's item indexes
     */
    public Shopper read(String userId, LocalDate date, ServedModel model) {
        if (userId == null) {
            return Shopper.guest();
        }
        List<Interaction> history =
                events.userHistory(userId, date.atStartOfDay(ZoneOffset.UTC).toInstant(), limit);
        return summarise(history, date, model);
    }

    /** Summarises events, newest first, as of {@code date}. */
    Shopper summarise(List<Interaction> history, LocalDate date, ServedModel model) {
        int asOfDay = (int) date.toEpochDay();
        int[] items = new int[history.size()];
        int[] days = new int[history.size()];
        int count = 0;
        for (Interaction event : history) {
            int item = model.itemIndex(event.itemId());
            int day = (int) event.occurredAt().toLocalDate().toEpochDay();
            if (item >= 0 && day < asOfDay && cleaner.droppingRule(event).isEmpty()) {
                items[count] = item;
                days[count] = day;
                count++;
            }
        }

        ShopperHistory summary = ShopperHistory.of(items, days, count, asOfDay);
        return new Shopper(summary, latestCountry(history), history.size(), count);
    }

    private static String latestCountry(List<Interaction> newestFirst) {
        return newestFirst.stream()
                .map(Interaction::country)
                .filter(country -> country != null && !country.isBlank())
                .findFirst()
                .orElse(null);
    }
}
