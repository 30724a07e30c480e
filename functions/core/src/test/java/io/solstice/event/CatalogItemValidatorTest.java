package io.solstice.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CatalogItemValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCompleteItemBecomesACatalogItem() {
        // given
        JsonNode item =
                json(
                        "{\"itemId\":\"85123A\",\"title\":\"Heart holder\",\"description\":\"White\\nhanging\","
                                + "\"category\":\"home\",\"price\":2.55,\"inStock\":false}");

        // when
        Validated<CatalogItem> result = CatalogItemValidator.validate(item, "items[0]");

        // then
        assertThat(result.value())
                .isEqualTo(
                        new CatalogItem(
                                "85123A", "Heart holder", "White\nhanging", "home", 2.55, false));
    }

    @Test
    void absentPriceIsUnknownAndAbsentStockMeansInStock() {
        // when
        CatalogItem item =
                CatalogItemValidator.validate(
                                json("{\"itemId\":\"A\",\"title\":\"T\"}"), "items[0]")
                        .value();

        // then
        assertThat(item.price()).isNaN();
        assertThat(item.inStock()).isTrue();
    }

    @Test
    void anItemWithoutTitleIsKeptAndShownByItsId() {
        // given an item the shop never described (the retail data has such stock codes)
        JsonNode item = json("{\"itemId\":\"85226A\"}");

        // when
        Validated<CatalogItem> result = CatalogItemValidator.validate(item, "items[0]");

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().title()).isNull();
        assertThat(result.value().displayText()).isEqualTo("85226A");
    }

    @Test
    void badFieldsAreNamed() {
        // given
        JsonNode item =
                json("{\"itemId\":\"A\",\"title\":\"\",\"price\":\"cheap\",\"inStock\":\"yes\"}");

        // when
        Validated<CatalogItem> result = CatalogItemValidator.validate(item, "items[2]");

        // then
        assertThat(result.errors())
                .extracting(FieldError::message)
                .containsExactly(
                        "items[2].title: expected a string of 1-512 characters without control characters, got \"\"",
                        "items[2].price: expected a number from 0 to 1000000, or no field, got \"cheap\"",
                        "items[2].inStock: expected true or false, got \"yes\"");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
