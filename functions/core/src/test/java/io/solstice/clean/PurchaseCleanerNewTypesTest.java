package io.solstice.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Training reads purchases and returns only; the browsing and feedback types are dropped. */
class PurchaseCleanerNewTypesTest {

    private final PurchaseCleaner cleaner = new PurchaseCleaner(CleaningPolicy.defaults());

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = InteractionType.class,
            names = {"VIEW", "CLICK", "ADD_TO_CART", "REMOVE_FROM_CART", "SEARCH", "RATING"})
    void aNonPurchaseTypeIsDroppedAsNotAPurchase(InteractionType type) {
        // given
        Interaction event =
                new Interaction(
                        "e1",
                        type,
                        "17850",
                        "85123A",
                        1,
                        2.55,
                        OffsetDateTime.parse("2011-12-01T10:00:00Z"),
                        "United Kingdom",
                        null,
                        type == InteractionType.SEARCH ? "lights" : null,
                        type == InteractionType.RATING ? 5 : null);

        // when / then
        assertThat(cleaner.droppingRule(event)).contains(CleaningRule.NOT_A_PURCHASE);
    }
}
