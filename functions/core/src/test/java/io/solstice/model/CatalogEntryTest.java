package io.solstice.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.event.CatalogItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogEntryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TypeReference<List<CatalogEntry>> ENTRIES = new TypeReference<>() {};

    @Test
    void aCatalogueWrittenBeforePricesAndStockStillReadsWithThemUnknown() throws Exception {
        // given a catalog.json as models published before this change hold it
        String old =
                """
                [{"itemId":"85123A","title":"WHITE HANGING HEART","category":"home"},
                 {"itemId":"22423","title":"REGENCY CAKESTAND","category":null}]
                """;

        // when
        List<CatalogEntry> entries = JSON.readValue(old, ENTRIES);

        // then
        assertThat(entries)
                .containsExactly(
                        new CatalogEntry("85123A", "WHITE HANGING HEART", "home", null, null),
                        new CatalogEntry("22423", "REGENCY CAKESTAND", null, null, null));
    }

    @Test
    void priceAndStockSurviveTheRoundTrip() throws Exception {
        // given
        List<CatalogEntry> entries =
                List.of(
                        new CatalogEntry("85123A", "HEART", "home", 2.55, true),
                        new CatalogEntry("22423", "CAKESTAND", "kitchen", 12.75, false));

        // when
        List<CatalogEntry> read = JSON.readValue(JSON.writeValueAsBytes(entries), ENTRIES);

        // then
        assertThat(read).isEqualTo(entries);
    }

    @Test
    void aCatalogueItemWithoutAKnownPriceHasNone() {
        // given
        CatalogItem unpriced =
                new CatalogItem("22086", "PAPER CHAIN", null, "xmas", Double.NaN, true);

        // when
        CatalogEntry entry = CatalogEntry.of(unpriced);

        // then
        assertThat(entry.price()).isNull();
        assertThat(entry.inStock()).isTrue();
        assertThat(entry.title()).isEqualTo("PAPER CHAIN");
    }
}
