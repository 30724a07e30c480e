package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.feature.ItemSignals;
import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour of POST /rank through the API Gateway path, against the fixture model and events. */
@QuarkusTest
@QuarkusTestResource(RankStandIns.class)
class RankFunctionTest {

    @Test
    void aKnownShopperGetsTheirDueReorderFirstWithItsReason() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank(
                        """
                        {"userId":"17850","date":"2011-11-15","country":"United Kingdom","count":5}
                        """);

        // then
        JsonNode body = response.bodyJson();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body.path("modelVersion").asText()).isEqualTo(ModelFixture.VERSION);
        assertThat(body.path("ranker").asText()).isEqualTo("model");
        assertThat(body.path("date").asText()).isEqualTo("2011-11-15");
        assertThat(body.path("country").asText()).isEqualTo("GB");
        assertThat(body.path("season").asText()).isEqualTo("AUTUMN");
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("itemId").asText()).isEqualTo(ModelFixture.HEART_HOLDER);
        assertThat(first.path("title").asText()).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(first.path("reason").asText()).isEqualTo("BUY_AGAIN");
        assertThat(first.path("explanation").asText())
                .isEqualTo("You bought this on 7 day(s), last 22 days ago");
    }

    @Test
    void everyItemHasARankATitleAScoreAndAReason() {
        // when
        JsonNode items =
                LambdaEvents.postRank(
                                "{\"userId\":\"17850\",\"date\":\"2011-11-15\",\"count\":100}")
                        .bodyJson()
                        .path("items");

        // then every item that sold before the date, best first
        assertThat(items.size()).isEqualTo(9);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            assertThat(item.path("rank").asInt()).isEqualTo(i + 1);
            assertThat(item.path("title").asText()).isNotBlank();
            assertThat(item.path("reason").asText()).isNotBlank();
            assertThat(item.path("explanation").asText()).isNotBlank();
            if (i > 0) {
                assertThat(item.path("score").floatValue())
                        .isLessThanOrEqualTo(items.get(i - 1).path("score").floatValue());
            }
        }
    }

    @Test
    void withoutACountryTheShoppersLatestEventDecides() {
        // when
        JsonNode body =
                LambdaEvents.postRank("{\"userId\":\"17850\",\"date\":\"2011-11-15\"}").bodyJson();

        // then the default count, capped by the nine items of the model
        assertThat(body.path("country").asText()).isEqualTo("GB");
        assertThat(body.path("items").size()).isEqualTo(9);
    }

    @Test
    void anUnknownShopperGetsARankingWithoutReorders() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank(
                        """
                        {"userId":"no-such-shopper","date":"2011-11-15","country":"GB"}
                        """);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(reasons(response.bodyJson())).isNotEmpty().doesNotContain("BUY_AGAIN");
    }

    @Test
    void aGuestInTheSouthGetsTheSouthernSeason() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank("{\"date\":\"2011-11-15\",\"country\":\"Australia\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.bodyJson().path("country").asText()).isEqualTo("AU");
        assertThat(response.bodyJson().path("season").asText()).isEqualTo("SPRING");
        assertThat(reasons(response.bodyJson())).isNotEmpty().doesNotContain("BUY_AGAIN");
    }

    @Test
    void excludePurchasedLeavesOutWhatTheShopperBoughtBeforeTheDate() {
        // when
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "excludePurchased":true}
                                """)
                        .bodyJson();

        // then the night light, bought after the date only, stays
        assertThat(itemIds(body))
                .doesNotContain(ModelFixture.HEART_HOLDER, ModelFixture.CAKE_STAND)
                .contains(ModelFixture.NIGHT_LIGHT, ModelFixture.PAPER_CHAIN)
                .hasSize(7);
    }

    @Test
    void itemsThatFirstSoldOnOrAfterTheDateAreNotCandidates() {
        // when the night light first sold on 2011-10-20
        JsonNode body = LambdaEvents.postRank("{\"date\":\"2011-10-20\",\"count\":100}").bodyJson();

        // then
        assertThat(itemIds(body)).doesNotContain(ModelFixture.NIGHT_LIGHT).hasSize(8);
    }

    @Test
    void anItemWithoutACatalogueTitleIsTitledByItsId() {
        // when
        JsonNode items =
                LambdaEvents.postRank("{\"date\":\"2011-11-15\",\"count\":100}")
                        .bodyJson()
                        .path("items");

        // then
        for (JsonNode item : items) {
            if (item.path("itemId").asText().equals(ModelFixture.NIGHT_LIGHT)) {
                assertThat(item.path("title").asText()).isEqualTo(ModelFixture.NIGHT_LIGHT);
            }
        }
    }

    @Test
    void anEmptyBodyRanksForAGuestToday() {
        // when
        HttpApiResponse response = LambdaEvents.invoke(HttpApiEvent.post("/rank").toJson());

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.bodyJson().path("country").asText()).isEqualTo("ZZ");
        assertThat(response.bodyJson().path("items").size())
                .isEqualTo(RankRequest.DEFAULT_COUNT - 1);
    }

    @Test
    void badFieldsAreEachNamedWithWhatWasExpectedAndWhatArrived() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank(
                        """
                        {"userId":42,"date":"15/11/2011","country":"","count":0,
                         "excludePurchased":"yes","colour":"red"}
                        """);

        // then
        JsonNode body = response.bodyJson();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.header("content-type")).hasValue("application/json");
        assertThat(fields(body))
                .containsExactly(
                        "colour", "userId", "date", "country", "count", "excludePurchased");
        assertThat(body.path("errors").get(4).path("message").asText())
                .isEqualTo("count: expected an integer from 1 to 100, or no field for 10, got 0");
        assertThat(body.path("errors").get(2).path("got").asText()).isEqualTo("\"15/11/2011\"");
        assertThat(body.path("error").asText())
                .isEqualTo(
                        "the request has fields that do not fit: colour, userId, date, country,"
                                + " count, excludePurchased");
    }

    @Test
    void malformedJsonIsA400NamingWhereItBreaks() {
        // when
        HttpApiResponse response = LambdaEvents.postRank("{\"userId\":\"17850\",");

        // then
        JsonNode error = response.bodyJson().path("errors").get(0);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("field").asText()).isEqualTo("body");
        assertThat(error.path("got").asText()).startsWith("malformed JSON (");
    }

    @Test
    void onlyPostIsAllowed() {
        // when
        HttpApiResponse response = LambdaEvents.invoke(HttpApiEvent.get("/rank").toJson());

        // then
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.bodyJson().path("error").asText())
                .isEqualTo("method GET is not allowed on /rank; the rank API has POST /rank");
    }

    @Test
    void aBodyOverOneMegabyteIsA413SayingTheLimit() {
        // given a rerank list of long ids, far beyond what a storefront sends
        String id = "\"" + "x".repeat(1_000) + "\"";
        String candidates = String.join(",", java.util.Collections.nCopies(1_100, id));

        // when
        HttpApiResponse response =
                LambdaEvents.postRank(
                        "{\"placement\":\"rerank\",\"candidates\":[" + candidates + "]}");

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyJson().path("error").asText())
                .startsWith("the body is too large (")
                .contains("at most 1048576");
    }

    @Test
    void anUnknownPathIsA404NamingTheRoute() {
        // when
        HttpApiResponse response =
                LambdaEvents.invoke(HttpApiEvent.post("/recommend").jsonBody("{}").toJson());

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyJson().path("error").asText())
                .isEqualTo("no function at POST /recommend; the rank API has POST /rank");
    }

    @Test
    void rerankOrdersTheGivenCandidatesAndKeepsUnknownOnesLast() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank(
                        """
                        {"userId":"17850","date":"2011-11-15","placement":"rerank",
                         "candidates":["22423","NO-SUCH-ITEM","22086","85123A","22086"]}
                        """);

        // then every candidate once, the due re-order first, the unknown one last
        JsonNode body = response.bodyJson();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body.path("placement").asText()).isEqualTo("rerank");
        assertThat(itemIds(body))
                .containsExactly(
                        ModelFixture.HEART_HOLDER,
                        itemIds(body).get(1),
                        itemIds(body).get(2),
                        "NO-SUCH-ITEM")
                .contains(ModelFixture.CAKE_STAND, ModelFixture.PAPER_CHAIN);
        JsonNode unknown = body.path("items").get(3);
        assertThat(unknown.path("reason").asText()).isEqualTo("NOT_IN_MODEL");
        assertThat(unknown.path("score").isNull()).isTrue();
        assertThat(body.path("notices").get(0).asText()).contains("1 candidate(s) unknown");
    }

    @Test
    void relatedItemsAreNeighboursOfTheGivenItemsInSeason() {
        // given the lunch bag's neighbours include the Christmas paper chain
        ItemSignals signals = ModelFixture.servingModel().signals();
        Set<String> neighbours = neighbours(signals, "20725");
        assertThat(neighbours).contains(ModelFixture.PAPER_CHAIN);
        String request =
                """
                {"date":"%s","country":"GB","placement":"related","items":["20725"],"count":100}
                """;

        // when asked in the Christmas lead-in and in June
        JsonNode november = LambdaEvents.postRank(request.formatted("2011-11-15")).bodyJson();
        JsonNode june = LambdaEvents.postRank(request.formatted("2011-06-15")).bodyJson();

        // then only neighbours, never the item itself, and the paper chain in season only
        assertThat(november.path("placement").asText()).isEqualTo("related");
        assertThat(itemIds(november))
                .isNotEmpty()
                .doesNotContain("20725")
                .contains(ModelFixture.PAPER_CHAIN)
                .allMatch(neighbours::contains);
        assertThat(itemIds(june)).isNotEmpty().doesNotContain(ModelFixture.PAPER_CHAIN, "20725");
    }

    @Test
    void excludedIdsAndOtherCategoriesAreLeftOut() {
        // when the cart holds the cake stand and the page is the kitchen category
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "category":"Kitchen","exclude":["22423"]}
                                """)
                        .bodyJson();

        // then
        assertThat(itemIds(body)).containsExactly("21212");
        assertThat(body.path("items").get(0).path("category").asText()).isEqualTo("kitchen");
    }

    @Test
    void maxPerCategoryCapsEachCategoryButNotUncategorisedItems() {
        // when
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "maxPerCategory":1}
                                """)
                        .bodyJson();

        // then one of home and one of kitchen; the night light has no category
        List<String> categories = new ArrayList<>();
        body.path("items").forEach(item -> categories.add(item.path("category").asText("")));
        assertThat(categories)
                .hasSize(7)
                .containsOnlyOnce("home", "kitchen", "christmas", "bags", "garden", "");
    }

    @Test
    void boostLiftsAndBuriesItemsByTheirFactor() {
        // when the due re-order is buried and the lovebird decoration boosted
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "boost":{"85123A":0.000001,"22219":1000000}}
                                """)
                        .bodyJson();

        // then
        List<String> ids = itemIds(body);
        assertThat(ids.get(0)).isEqualTo("22219");
        assertThat(ids.get(ids.size() - 1)).isEqualTo(ModelFixture.HEART_HOLDER);
    }

    @Test
    void aPriceRangeKeepsOnlyItemsPricedWithinItAndSaysWhatHadNoPrice() {
        // when
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"date":"2011-11-15","count":100,"minPrice":1,"maxPrice":3}
                                """)
                        .bodyJson();

        // then the four items priced 1 to 3; the night light has no price
        assertThat(itemIds(body))
                .containsExactlyInAnyOrder(
                        ModelFixture.HEART_HOLDER, ModelFixture.PAPER_CHAIN, "22633", "20725");
        assertThat(body.path("notices").get(0).asText())
                .isEqualTo(
                        "1 item(s) without a price in the catalogue snapshot were left out by"
                                + " minPrice/maxPrice");
    }

    @Test
    void itemsInTheCartAreNotRecommended() {
        // when
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "cart":["85123A","22086"]}
                                """)
                        .bodyJson();

        // then
        assertThat(itemIds(body))
                .hasSize(7)
                .doesNotContain(ModelFixture.HEART_HOLDER, ModelFixture.PAPER_CHAIN);
    }

    @Test
    void pinnedItemsTakeTheirPositionsAndTheOthersMoveDown() {
        // given the model's order
        String request =
                """
                {"userId":"17850","date":"2011-11-15","count":5%s}
                """;
        List<String> unpinned = itemIds(LambdaEvents.postRank(request.formatted("")).bodyJson());

        // when the lovebird decoration is pinned first and the cake stand fourth
        JsonNode body =
                LambdaEvents.postRank(request.formatted(",\"pin\":{\"22219\":1,\"22423\":4}"))
                        .bodyJson();

        // then
        List<String> ids = itemIds(body);
        List<String> others = new ArrayList<>(unpinned);
        others.removeAll(List.of("22219", ModelFixture.CAKE_STAND));
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("22219");
        assertThat(ids.get(3)).isEqualTo(ModelFixture.CAKE_STAND);
        assertThat(List.of(ids.get(1), ids.get(2), ids.get(4))).isEqualTo(others.subList(0, 3));
        assertThat(reasons(body).get(0)).isEqualTo("PINNED");
        assertThat(body.path("items").get(0).path("rank").asInt()).isEqualTo(1);
    }

    @Test
    void aPinnedItemInTheCartIsNotPlacedAndTheResponseSaysSo() {
        // when
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"date":"2011-11-15","count":5,"cart":["22219"],
                                 "pin":{"22219":1,"NO-SUCH-ITEM":2}}
                                """)
                        .bodyJson();

        // then
        assertThat(itemIds(body)).hasSize(5).doesNotContain("22219", "NO-SUCH-ITEM");
        assertThat(body.path("notices").get(0).asText())
                .endsWith("left out by a filter: 22219, NO-SUCH-ITEM");
    }

    @Test
    void buriedItemsAndCategoriesComeAfterEveryOtherItem() {
        // when the due re-order and the Christmas category are buried
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "bury":{"items":["85123A"],"categories":["Christmas"]}}
                                """)
                        .bodyJson();

        // then
        List<String> ids = itemIds(body);
        assertThat(ids).hasSize(9);
        assertThat(ids.subList(7, 9))
                .containsExactlyInAnyOrder(ModelFixture.HEART_HOLDER, ModelFixture.PAPER_CHAIN);
    }

    @Test
    void aCategoryBoostLiftsEveryItemOfTheCategory() {
        // when the kitchen category is boosted a millionfold
        JsonNode body =
                LambdaEvents.postRank(
                                """
                                {"userId":"17850","date":"2011-11-15","count":100,
                                 "boostCategories":{"KITCHEN":1000000}}
                                """)
                        .bodyJson();

        // then its two items lead
        assertThat(itemIds(body).subList(0, 2))
                .containsExactlyInAnyOrder(ModelFixture.CAKE_STAND, "21212");
    }

    @Test
    void aDateTimeWithAnOffsetRanksForTheShoppersLocalDayAndItsSeason() {
        // when it is still November in New York but already December in Auckland
        JsonNode newYork =
                LambdaEvents.postRank(
                                """
                                {"dateTime":"2011-11-30T23:30:00-05:00","country":"GB"}
                                """)
                        .bodyJson();
        JsonNode auckland =
                LambdaEvents.postRank(
                                """
                                {"dateTime":"2011-11-30T23:30:00-05:00",
                                 "timeZone":"Pacific/Auckland","country":"NZ"}
                                """)
                        .bodyJson();

        // then
        assertThat(newYork.path("date").asText()).isEqualTo("2011-11-30");
        assertThat(newYork.path("season").asText()).isEqualTo("AUTUMN");
        assertThat(auckland.path("date").asText()).isEqualTo("2011-12-01");
        assertThat(auckland.path("season").asText()).isEqualTo("SUMMER");
    }

    @Test
    void aRegionCodeCountsAsItsCountry() {
        // when
        JsonNode body =
                LambdaEvents.postRank("{\"date\":\"2011-11-15\",\"country\":\"AU-NSW\"}")
                        .bodyJson();

        // then
        assertThat(body.path("country").asText()).isEqualTo("AU");
        assertThat(body.path("season").asText()).isEqualTo("SPRING");
    }

    @Test
    void badPlacementFieldsAreEachNamed() {
        // when
        HttpApiResponse response =
                LambdaEvents.postRank(
                        """
                        {"placement":"home","items":["85123A"],"exclude":"22423",
                         "minPrice":9,"maxPrice":2,"maxPerCategory":0,"boost":{"22423":-1}}
                        """);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response.bodyJson()))
                .containsExactly(
                        "placement",
                        "items",
                        "exclude",
                        "maxPrice",
                        "maxPerCategory",
                        "boost.22423");
        assertThat(LambdaEvents.postRank("{\"placement\":\"rerank\"}").bodyJson().path("errors"))
                .extracting(error -> error.path("message").asText())
                .containsExactly(
                        "candidates: expected an array of 1-1000 item ids (strings of 1-128)"
                                + " for placement rerank, got nothing");
    }

    private static Set<String> neighbours(ItemSignals signals, String itemId) {
        int item = signals.itemIndex().get(itemId);
        Set<String> ids = new HashSet<>();
        for (int s = signals.neighbourStart()[item]; s < signals.neighbourStart()[item + 1]; s++) {
            ids.add(signals.itemIds().get(signals.neighbours()[s]));
        }
        return ids;
    }

    private static List<String> reasons(JsonNode body) {
        List<String> reasons = new ArrayList<>();
        body.path("items").forEach(item -> reasons.add(item.path("reason").asText()));
        return reasons;
    }

    private static List<String> itemIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("items").forEach(item -> ids.add(item.path("itemId").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
