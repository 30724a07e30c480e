package io.solstice.quality;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds small event logs for quality tests: {@code purchase("u1", "10001", 2, 1.5,
 * "2011-03-01T10:00")}; cancellations get an order id starting with {@code C}.
 */
final class Events {

    static final Instant GENERATED_AT = Instant.parse("2011-06-01T00:00:00Z");

    private final List<Interaction> events = new ArrayList<>();
    private final Set<String> items = new LinkedHashSet<>();

    Events purchase(String user, String item, int quantity, double price, String time) {
        return add(
                "O" + events.size(), InteractionType.PURCHASE, user, item, quantity, price, time);
    }

    Events cancellation(String user, String item, String time) {
        return add("C" + events.size(), InteractionType.RETURN, user, item, -1, 1.0, time);
    }

    /** {@code lines} purchase lines by distinct shoppers on one day, at {@code price}. */
    Events day(String date, int lines, double price) {
        for (int i = 0; i < lines; i++) {
            purchase("u" + i, "1000" + (i % 5), 1, price, date + "T10:00");
        }
        return this;
    }

    private Events add(
            String order,
            InteractionType type,
            String user,
            String item,
            int quantity,
            double price,
            String time) {
        OffsetDateTime at = LocalDateTime.parse(time).atOffset(ZoneOffset.UTC);
        String id = order + "-" + (events.size() + 1);
        events.add(new Interaction(id, type, user, item, quantity, price, at, "GB", order));
        items.add(item);
        return this;
    }

    List<Interaction> list() {
        return events;
    }

    /** One catalogue entry, with a description, per item id used. */
    List<CatalogItem> catalog() {
        return items.stream()
                .map(id -> new CatalogItem(id, "item " + id, "item " + id, null, 1.0, true))
                .toList();
    }

    /** The report with default options, as of {@link #GENERATED_AT}, no source evidence. */
    DataQualityReport report() {
        return report(catalog(), SourceEvidence.none("test"));
    }

    DataQualityReport report(List<CatalogItem> catalog, SourceEvidence evidence) {
        CleaningPolicy policy = CleaningPolicy.defaults();
        return new QualityAnalyzer(
                        policy,
                        QualityOptions.defaults(),
                        Clock.fixed(GENERATED_AT, ZoneOffset.UTC))
                .analyze(
                        events,
                        catalog,
                        new PurchaseCleaner(policy).clean(events).report(),
                        evidence,
                        GENERATED_AT);
    }
}
