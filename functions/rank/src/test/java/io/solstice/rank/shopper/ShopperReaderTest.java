package io.solstice.rank.shopper;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.feature.ShopperHistory;
import io.solstice.model.ServingModel;
import io.solstice.rank.ModelFixture;
import io.solstice.rank.model.ServedModel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopperReaderTest {

    private static final ServedModel MODEL = served();

    private final ShopperReader reader = new ShopperReader(null, 500);

    @Test
    void onlyCleanPurchasesOfKnownItemsBeforeTheDateCount() {
        // given newest first, as the store returns them
        List<Interaction> events = new ArrayList<>(ModelFixture.knownShopperEvents());
        Collections.reverse(events);

        // when
        Shopper shopper = reader.summarise(events, ModelFixture.RANK_DATE, MODEL);

        // then the view, the return, the postage line and the later purchase are left out
        ShopperHistory history = shopper.history();
        assertThat(shopper.eventsRead()).isEqualTo(12);
        assertThat(shopper.purchasesUsed()).isEqualTo(8);
        assertThat(history.itemCount()).isEqualTo(2);
        int heart = history.find(MODEL.itemIndex(ModelFixture.HEART_HOLDER));
        assertThat(history.daysAt(heart)).isEqualTo(7);
        assertThat(history.lastDayAt(heart))
                .isEqualTo((int) LocalDate.of(2011, 10, 24).toEpochDay());
        assertThat(history.hasBought(MODEL.itemIndex(ModelFixture.NIGHT_LIGHT))).isFalse();
    }

    @Test
    void aPurchaseCountsOnTheShoppersLocalDate() {
        // given late on 14 November in UTC, already the 15th in Sydney
        Interaction sydney =
                purchase("syd", OffsetDateTime.parse("2011-11-15T09:00:00+11:00"), "Australia");
        Interaction london =
                purchase("ldn", OffsetDateTime.parse("2011-11-14T21:00:00Z"), "United Kingdom");

        // when
        Shopper shopper = reader.summarise(List.of(sydney, london), ModelFixture.RANK_DATE, MODEL);

        // then only London's counts, and the latest event's country is Australia
        assertThat(shopper.purchasesUsed()).isEqualTo(1);
        assertThat(shopper.latestCountry()).isEqualTo("Australia");
    }

    @Test
    void aGuestHasNoHistoryAndNoStoreIsAsked() {
        // when
        Shopper shopper = reader.read(null, ModelFixture.RANK_DATE, MODEL);

        // then
        assertThat(shopper.history().itemCount()).isZero();
        assertThat(shopper.latestCountry()).isNull();
    }

    private static Interaction purchase(String id, OffsetDateTime at, String country) {
        return new Interaction(
                id,
                InteractionType.PURCHASE,
                ModelFixture.KNOWN_SHOPPER,
                ModelFixture.CAKE_STAND,
                1,
                12.75,
                at,
                country,
                "o-" + id);
    }

    private static ServedModel served() {
        ServingModel model = ModelFixture.servingModel();
        return ServedModel.of(
                "v1", null, model.signals(), model.catalog(), SeasonCalendar.standard(), 4);
    }
}
