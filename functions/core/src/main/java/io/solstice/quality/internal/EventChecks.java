package io.solstice.quality.internal;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One pass over the events in time order, counting every event-level rule of the report. Which
 * events the cleaning keeps, fixes or drops is asked of {@link PurchaseCleaner}, never decided
 * here.
 */
public final class EventChecks {

    /** The country written by storefronts that do not know it. */
    private static final String UNSPECIFIED_COUNTRY = "unspecified";

    public final FindingTally missingUser =
            FindingTally.events("completeness.missing_user", "no shopper id (a guest checkout)");
    public final FindingTally missingItem =
            FindingTally.events("completeness.missing_item", "a blank item id");
    public final FindingTally missingPrice =
            FindingTally.events("completeness.missing_price", "no unit price");
    public final FindingTally missingCountry =
            FindingTally.events(
                    "completeness.missing_country", "no country, or the placeholder 'Unspecified'");
    public final FindingTally nonPositiveQuantity =
            FindingTally.events("accuracy.non_positive_quantity", "a quantity of zero or below");
    public final FindingTally nonPositivePrice =
            FindingTally.events("accuracy.non_positive_price", "a unit price of zero or below");
    public final FindingTally quantityOutliers;
    public final FindingTally priceOutliers;
    public final FindingTally nonProductCodes;
    public final FindingTally futureTimestamps;
    public final FindingTally beforeShopOpened;
    public final FindingTally unknownItems =
            FindingTally.events(
                    "consistency.unknown_items", "an item id the catalogue does not list");
    public final FindingTally cancellations =
            FindingTally.events(
                    "consistency.cancellations",
                    "a return, or an order id starting with C (a cancellation)");
    public final FindingTally cancellationsWithPurchase =
            FindingTally.events(
                    "consistency.cancellations_with_purchase",
                    "a cancellation of an item the same shopper bought earlier");
    public final FindingTally cancellationsWithoutPurchase =
            FindingTally.events(
                    "consistency.cancellations_without_purchase",
                    "a cancellation with no earlier purchase of the item by the same shopper"
                            + " (guest cancellations cannot be matched and count here)");
    public final FindingTally duplicateEventIds =
            FindingTally.events(
                    "consistency.duplicate_event_ids", "an event id an earlier event already had");
    public final FindingTally duplicateLines =
            FindingTally.events(
                    "consistency.duplicate_lines",
                    "identical to an earlier event in type, order, shopper, item, quantity, price,"
                            + " time and country");

    public final DailyVolumes daily = new DailyVolumes();
    public final LagSample lags = new LagSample();
    public final Set<String> unknownItemIds = new LinkedHashSet<>();
    public final Set<String> nonProductItemIds = new LinkedHashSet<>();

    private final PurchaseCleaner cleaner;
    private final CleaningPolicy policy;
    private final PriceMedians prices;
    private final Set<String> catalogIds;
    private final Instant generatedAt;
    private final LocalDate shopOpened;
    private final CancellationMatcher matcher = new CancellationMatcher();
    private final Set<String> eventIds = new HashSet<>();
    private final Set<Line> lines = new HashSet<>();

    /**
     * @param cleaner the cleaner whose decisions the findings report
     * @param prices item median prices for the price outlier rule
     * @param priceFactor the multiple of the median above which a price is an outlier
     * @param catalogIds the item ids the catalogue lists
     * @param generatedAt events after this are in the future
     * @param shopOpened events dated before this are implausible
     */
    public EventChecks(
            PurchaseCleaner cleaner,
            PriceMedians prices,
            double priceFactor,
            Set<String> catalogIds,
            Instant generatedAt,
            LocalDate shopOpened) {
        this.cleaner = cleaner;
        this.policy = cleaner.policy();
        this.prices = prices;
        this.catalogIds = catalogIds;
        this.generatedAt = generatedAt;
        this.shopOpened = shopOpened;
        this.quantityOutliers =
                FindingTally.events(
                        "accuracy.quantity_outliers",
                        "a quantity beyond ±"
                                + policy.quantityCap()
                                + " units (the cleaning policy's cap: kept purchases above it are"
                                + " lowered to it)");
        this.priceOutliers =
                FindingTally.events(
                        "accuracy.price_outliers",
                        String.format(
                                Locale.ROOT,
                                "a purchase line priced above %s times its item's median positive"
                                        + " price (items with at least 5 priced purchase lines)",
                                priceFactor));
        this.nonProductCodes =
                FindingTally.events(
                        "accuracy.non_product_codes",
                        "an item id that is not a product code (pattern "
                                + policy.productCode().pattern()
                                + "): postage, fees, manual lines");
        this.futureTimestamps =
                FindingTally.events(
                        "accuracy.future_timestamps",
                        "dated after the report was generated (" + generatedAt + ")");
        this.beforeShopOpened =
                FindingTally.events(
                        "accuracy.before_shop_opened",
                        "dated before the shop opened ("
                                + shopOpened
                                + ", SOLSTICE_QUALITY_SHOP_OPENED)");
    }

    /** Counts one event; events must come in time order. */
    public void accept(Interaction event) {
        EventFate fate = EventFate.of(cleaner, event);

        checkCompleteness(event, fate);
        checkAccuracy(event, fate);
        checkConsistency(event, fate);
        countDay(event);
    }

    /** Adds the lag of an event stored at {@code storedAt}. */
    public void addStoredAt(Interaction event, Instant storedAt) {
        lags.add(storedAt.toEpochMilli() - event.occurredAt().toInstant().toEpochMilli());
    }

    private void checkCompleteness(Interaction event, EventFate fate) {
        String id = event.eventId();
        if (event.isGuest()) {
            missingUser.add(id, fate);
        }
        if (event.itemId().isBlank()) {
            missingItem.add(id, fate);
        }
        if (Double.isNaN(event.unitPrice())) {
            missingPrice.add(id, fate);
        }
        String country = event.country();
        if (country == null
                || country.isBlank()
                || country.trim().toLowerCase(Locale.ROOT).equals(UNSPECIFIED_COUNTRY)) {
            missingCountry.add(id, fate);
        }
    }

    private void checkAccuracy(Interaction event, EventFate fate) {
        String id = event.eventId();
        if (event.quantity() <= 0) {
            nonPositiveQuantity.add(id, fate);
        }
        if (event.unitPrice() <= 0) {
            nonPositivePrice.add(id, fate);
        }
        if (Math.abs((long) event.quantity()) > policy.quantityCap()) {
            quantityOutliers.add(id, fate);
        }
        if (prices.isOutlier(event)) {
            priceOutliers.add(id, fate);
        }
        if (!policy.isProductCode(event.itemId())) {
            nonProductCodes.add(id, fate);
            nonProductItemIds.add(event.itemId());
        }
        if (event.occurredAt().toInstant().isAfter(generatedAt)) {
            futureTimestamps.add(id, fate);
        }
        if (event.occurredAt().toLocalDate().isBefore(shopOpened)) {
            beforeShopOpened.add(id, fate);
        }
    }

    private void checkConsistency(Interaction event, EventFate fate) {
        String id = event.eventId();
        if (!catalogIds.contains(event.itemId())) {
            unknownItems.add(id, fate);
            unknownItemIds.add(event.itemId());
        }
        boolean matched = matcher.offer(event);
        if (PurchaseCleaner.isCancellation(event)) {
            cancellations.add(id, fate);
            (matched ? cancellationsWithPurchase : cancellationsWithoutPurchase).add(id, fate);
        }
        if (!eventIds.add(id)) {
            duplicateEventIds.add(id, fate);
        }
        if (!lines.add(Line.of(event))) {
            duplicateLines.add(id, fate);
        }
    }

    private void countDay(Interaction event) {
        boolean purchaseLine =
                event.type() == InteractionType.PURCHASE && !PurchaseCleaner.isCancellation(event);
        daily.add(event.occurredAt().toLocalDate(), purchaseLine, event.unitPrice() <= 0);
    }

    /** Every field of an event but its id. */
    private record Line(
            InteractionType type,
            String orderId,
            String userId,
            String itemId,
            int quantity,
            double unitPrice,
            Instant occurredAt,
            String country) {

        static Line of(Interaction event) {
            return new Line(
                    event.type(),
                    event.orderId(),
                    event.userId(),
                    event.itemId(),
                    event.quantity(),
                    event.unitPrice(),
                    event.occurredAt().toInstant(),
                    event.country());
        }
    }
}
