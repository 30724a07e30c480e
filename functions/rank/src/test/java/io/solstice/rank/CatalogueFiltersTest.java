package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.model.CatalogEntry;
import io.solstice.model.ServingModel;
import io.solstice.rank.model.ModelHolder;
import io.solstice.rank.model.ModelSource;
import io.solstice.rank.model.ServedModel;
import io.solstice.rank.shopper.ShopperReader;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.s3.ModelPointer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Filters on the catalogue snapshot that the shared fixture (everything in stock, priced) cannot
 * show: stock, and price filters on a snapshot written before prices were carried. Ranks guests
 * through {@link RankService} with the fixture's item signals and a catalogue made for each test.
 */
class CatalogueFiltersTest {

    private EventStore noEvents;

    @AfterEach
    void closeStore() {
        if (noEvents != null) {
            noEvents.close();
        }
    }

    @Test
    void itemsOutOfStockAreLeftOutUnlessTheRequestAsksForThem() {
        // given the cake stand and the paper chain out of stock
        RankService service =
                service(
                        entry ->
                                Set.of(ModelFixture.CAKE_STAND, ModelFixture.PAPER_CHAIN)
                                                .contains(entry.itemId())
                                        ? withStock(entry, false)
                                        : entry);

        // when
        RankResponse inStock = service.rank(guest(true));
        RankResponse all = service.rank(guest(false));

        // then
        assertThat(ids(inStock))
                .hasSize(7)
                .doesNotContain(ModelFixture.CAKE_STAND, ModelFixture.PAPER_CHAIN);
        assertThat(inStock.notices())
                .containsExactly(
                        "2 item(s) out of stock in the catalogue snapshot were left out"
                                + " (inStockOnly)");
        assertThat(ids(all)).hasSize(9);
    }

    @Test
    void anItemOfUnknownStockIsKept() {
        // given the night light, absent from the catalogue, and the heart holder with no stock
        RankService service =
                service(
                        entry ->
                                entry.itemId().equals(ModelFixture.HEART_HOLDER)
                                        ? withStock(entry, null)
                                        : entry);

        // when
        RankResponse response = service.rank(guest(true));

        // then
        assertThat(ids(response)).contains(ModelFixture.HEART_HOLDER, ModelFixture.NIGHT_LIGHT);
    }

    @Test
    void aPriceRangeOnASnapshotWithoutPricesIsNotAppliedAndSaidSo() {
        // given a catalogue as written before prices were carried
        RankService service = service(e -> new CatalogEntry(e.itemId(), e.title(), e.category()));

        // when
        RankResponse response = service.rank(withPrices(guest(true), 1.0, 2.0));

        // then the items are ranked unfiltered, and the response says why
        assertThat(ids(response)).hasSize(9);
        assertThat(response.notices())
                .containsExactly(
                        "minPrice/maxPrice were not applied: the catalogue snapshot of model v1"
                                + " has no prices");
    }

    private RankService service(UnaryOperator<CatalogEntry> change) {
        ServingModel fixture = ModelFixture.servingModel();
        List<CatalogEntry> catalog = new ArrayList<>();
        fixture.catalog().forEach(entry -> catalog.add(change.apply(entry)));
        ServedModel model =
                ServedModel.of(
                        "v1", null, fixture.signals(), catalog, SeasonCalendar.standard(), 4);
        ModelPointer pointer = new ModelPointer("v1", Instant.EPOCH, Map.of());
        ModelSource source =
                new ModelSource() {
                    @Override
                    public Optional<ModelPointer> pointer() {
                        return Optional.of(pointer);
                    }

                    @Override
                    public ServedModel load(ModelPointer ignored) {
                        return model;
                    }
                };
        noEvents = new EventStore(null, "no-table", 1);
        return new RankService(
                new ModelHolder(source, Duration.ZERO, Duration.ofHours(1)),
                new ShopperReader(noEvents, 10));
    }

    private static CatalogEntry withStock(CatalogEntry entry, Boolean inStock) {
        return new CatalogEntry(
                entry.itemId(), entry.title(), entry.category(), entry.price(), inStock);
    }

    /** A guest's for_you request for every item on the fixture's date. */
    private static RankRequest guest(boolean inStockOnly) {
        RankRequest plain = new RankRequest(null, ModelFixture.RANK_DATE, "GB", 100, false);
        return new RankRequest(
                plain.userId(),
                plain.date(),
                plain.country(),
                plain.count(),
                plain.excludePurchased(),
                plain.placement(),
                plain.candidates(),
                plain.items(),
                plain.exclude(),
                plain.category(),
                plain.minPrice(),
                plain.maxPrice(),
                plain.maxPerCategory(),
                plain.boost(),
                plain.cart(),
                inStockOnly,
                plain.pin(),
                plain.buryItems(),
                plain.buryCategories(),
                plain.boostCategories());
    }

    private static RankRequest withPrices(RankRequest r, Double min, Double max) {
        return new RankRequest(
                r.userId(),
                r.date(),
                r.country(),
                r.count(),
                r.excludePurchased(),
                r.placement(),
                r.candidates(),
                r.items(),
                r.exclude(),
                r.category(),
                min,
                max,
                r.maxPerCategory(),
                r.boost(),
                r.cart(),
                r.inStockOnly(),
                r.pin(),
                r.buryItems(),
                r.buryCategories(),
                r.boostCategories());
    }

    private static List<String> ids(RankResponse response) {
        return response.items().stream().map(RankedItemBody::itemId).toList();
    }
}
