package io.solstice.rank;

import io.solstice.calendar.Country;
import io.solstice.feature.CandidateFeatures;
import io.solstice.rank.model.ModelHolder;
import io.solstice.rank.model.ModelState;
import io.solstice.rank.model.ServedModel;
import io.solstice.rank.shopper.Shopper;
import io.solstice.rank.shopper.ShopperReader;
import io.solstice.score.RankedItem;
import io.solstice.score.RankingRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Answers a checked {@link RankRequest}: takes the container's model once for the whole request (a
 * model swapped in meanwhile serves the next request), reads the shopper's history, picks the
 * country whose seasons apply, and ranks every item that had sold before the date with the {@link
 * io.solstice.score.SeasonalRanker}. Unknown shoppers and guests are ranked with an empty history,
 * which is seasonal popularity for their country and date.
 */
public final class RankService {

    private static final Logger LOG = Logger.getLogger(RankService.class);

    private final ModelHolder models;

    private final ShopperReader shoppers;

    /**
     * @param models the container's model
     * @param shoppers reads shopper histories
     */
    public RankService(ModelHolder models, ShopperReader shoppers) {
        this.models = models;
        this.shoppers = shoppers;
    }

    /**
     * Ranks items for one request.
     *
     * @throws io.solstice.rank.model.ModelUnavailableException when no model can rank
     * @throws io.solstice.store.StoreException when the shopper's history cannot be read
     */
    public RankResponse rank(RankRequest request) {
        long start = System.nanoTime();
        ModelState state = models.current();
        ServedModel model = state.model();
        Shopper shopper = shoppers.read(request.userId(), request.date(), model);

        Country country = country(request, shopper, model);
        CandidateFeatures.Context context = model.context(request.date(), country);
        CandidateSelection selection =
                CandidateSelection.of(request, model, shopper.history(), context);
        List<RankedItemBody> items = order(request, model, shopper, context, selection);

        RankResponse response = respond(request, state, country, items, selection);
        log(request, shopper, response, start);
        return response;
    }

    /**
     * The returned list: the ranked candidates, then rerank ids the model does not know, then the
     * buried candidates, each part cut to what room is left; then the pinned items put at their
     * positions (or last, when the list is shorter), pushing the others down.
     */
    private static List<RankedItemBody> order(
            RankRequest request,
            ServedModel model,
            Shopper shopper,
            CandidateFeatures.Context context,
            CandidateSelection selection) {
        int room = request.count() - selection.pinned.size();
        List<RankedItemBody> items = new ArrayList<>(request.count());
        for (RankedItem item :
                rank(request, model, shopper, context, selection.known, room, selection.rules)) {
            items.add(body(model, item));
        }
        for (String id : selection.unknown) {
            if (items.size() < room) {
                items.add(notInModel(id));
            }
        }
        int left = room - items.size();
        for (RankedItem item :
                rank(request, model, shopper, context, selection.buried, left, selection.rules)) {
            items.add(body(model, item));
        }
        placePins(request, model, shopper, context, selection, items);
        return numbered(items);
    }

    private static List<RankedItem> rank(
            RankRequest request,
            ServedModel model,
            Shopper shopper,
            CandidateFeatures.Context context,
            int[] candidates,
            int count,
            RankingRules rules) {
        if (candidates.length == 0 || count <= 0) {
            return List.of();
        }
        return model.ranker()
                .rank(request.userId(), shopper.history(), context, candidates, count, rules);
    }

    private static void placePins(
            RankRequest request,
            ServedModel model,
            Shopper shopper,
            CandidateFeatures.Context context,
            CandidateSelection selection,
            List<RankedItemBody> items) {
        if (selection.pinned.isEmpty()) {
            return;
        }
        int[] pinned = selection.pinned.values().stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, RankedItem> scored = new HashMap<>();
        rank(request, model, shopper, context, pinned, pinned.length, RankingRules.NONE)
                .forEach(item -> scored.put(item.item(), item));

        selection.pinned.forEach(
                (position, item) -> {
                    RankedItem score = scored.get(item);
                    RankedItemBody body =
                            new RankedItemBody(
                                    0,
                                    model.itemId(item),
                                    model.title(item),
                                    model.category(item),
                                    score == null ? null : score.score(),
                                    RankedItemBody.PINNED,
                                    "Placed at position " + position + " by the shop");
                    items.add(Math.min(position - 1, items.size()), body);
                });
    }

    private static RankedItemBody body(ServedModel model, RankedItem item) {
        return new RankedItemBody(
                0,
                model.itemId(item.item()),
                model.title(item.item()),
                model.category(item.item()),
                item.score(),
                item.reason().name(),
                item.detail());
    }

    private static RankedItemBody notInModel(String id) {
        return new RankedItemBody(
                0,
                id,
                id,
                null,
                null,
                RankedItemBody.NOT_IN_MODEL,
                "New to our recommendations: kept in the order given");
    }

    private static List<RankedItemBody> numbered(List<RankedItemBody> items) {
        List<RankedItemBody> numbered = new ArrayList<>(items.size());
        for (RankedItemBody item : items) {
            numbered.add(item.withRank(numbered.size() + 1));
        }
        return numbered;
    }

    /**
     * The request's country, else the shopper's latest, else unknown (northern, worldwide). A
     * region code (e.g. {@code AU-NSW}) counts as its country (see {@link
     * io.solstice.calendar.CountryDirectory}).
     */
    private static Country country(RankRequest request, Shopper shopper, ServedModel model) {
        String named = request.country() != null ? request.country() : shopper.latestCountry();
        return model.calendar().country(named);
    }

    private static RankResponse respond(
            RankRequest request,
            ModelState state,
            Country country,
            List<RankedItemBody> items,
            CandidateSelection selection) {
        ServedModel model = state.model();
        return new RankResponse(
                model.version(),
                model.usesModel() ? RankResponse.MODEL : RankResponse.SEASONAL_POPULARITY,
                request.date().toString(),
                country.code(),
                model.calendar().seasonOf(request.date(), country).name(),
                request.placement().wireName(),
                items,
                List.copyOf(selection.notices),
                ModelBody.of(state));
    }

    private static void log(
            RankRequest request, Shopper shopper, RankResponse response, long start) {
        LOG.infof(
                "rank served userId=%s modelVersion=%s modelStatus=%s ranker=%s placement=%s date=%s"
                        + " country=%s count=%d returned=%d eventsRead=%d purchasesUsed=%d"
                        + " durationMs=%d",
                request.isGuest() ? "-" : request.userId(),
                response.modelVersion(),
                response.model().status(),
                response.ranker(),
                response.placement(),
                response.date(),
                response.country(),
                request.count(),
                response.items().size(),
                shopper.eventsRead(),
                shopper.purchasesUsed(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
