package io.solstice.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.CatalogItem;
import io.solstice.event.CatalogItemValidator;
import io.solstice.event.InteractionValidator;
import io.solstice.store.LocalDynamoDbExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogStoreTest {

    @RegisterExtension static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private CatalogStore store;

    @BeforeEach
    void createTable() {
        String table = DYNAMO.newCatalogTable();
        Tables.createCatalogTableIfMissing(DYNAMO.client(), table); // a second call is harmless
        store = new CatalogStore(DYNAMO.client(), table);
    }

    @Test
    void upsertedItemsComeBackByIdAndFromTheScan() {
        // given
        CatalogItem heart =
                new CatalogItem(
                        "85123A", "Heart holder", "White hanging heart", "home", 2.55, true);
        CatalogItem unknownPrice =
                new CatalogItem("22752", "Lantern", null, null, Double.NaN, false);

        // when
        int written = store.upsert(List.of(heart, unknownPrice));

        // then
        assertThat(written).isEqualTo(2);
        assertThat(store.getAll(List.of("22752", "missing", "85123A")))
                .containsExactly(Map.entry("22752", unknownPrice), Map.entry("85123A", heart));
        assertThat(store.scanAll()).containsExactlyInAnyOrder(heart, unknownPrice);
    }

    @Test
    void theLargestItemTheValidatorAllowsIsStoredWholeUnderDynamoDbsItemLimit() {
        // given every text at its longest, in three-byte UTF-8 characters (about 33 KB, where
        // DynamoDB refuses items over 400 KB): the field limits keep every valid item far below
        String id = "\u20ac".repeat(InteractionValidator.MAX_ID_LENGTH);
        CatalogItem largest =
                new CatalogItem(
                        id,
                        "\u2603".repeat(CatalogItemValidator.MAX_TITLE_LENGTH),
                        "\u2744".repeat(CatalogItemValidator.MAX_DESCRIPTION_LENGTH),
                        "\u2600".repeat(CatalogItemValidator.MAX_CATEGORY_LENGTH),
                        CatalogItemValidator.MAX_PRICE,
                        true);

        // when
        store.upsert(List.of(largest));

        // then
        assertThat(store.getAll(List.of(id))).containsEntry(id, largest);
    }

    @Test
    void theLastVersionOfAnItemWins() {
        // given
        store.upsert(List.of(new CatalogItem("A1", "Old", null, null, 1.0, true)));
        CatalogItem newer = new CatalogItem("A1", "New", null, null, 2.0, false);

        // when
        store.upsert(List.of(new CatalogItem("A1", "Middle", null, null, 1.5, true), newer));

        // then
        assertThat(store.scanAll()).containsExactly(newer);
    }

    @Test
    void manyItemsAreReadInSeveralBatchGetCalls() {
        // given
        List<CatalogItem> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            items.add(new CatalogItem("I" + i, "Item " + i, null, "c", i, true));
            ids.add("I" + i);
        }
        store.upsert(items);

        // when
        Map<String, CatalogItem> found = store.getAll(ids);

        // then
        assertThat(found.values()).containsExactlyElementsOf(items);
    }
}
