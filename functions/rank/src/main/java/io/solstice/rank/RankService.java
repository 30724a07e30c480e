package io.solstice.rank;

import io.solstice.calendar.Country;
import io.solstice.feature.CandidateFeatures;
import io.solstice.rank.model.ModelHolder;
import io.solstice.rank.model.ModelState;
import io.solstice.rank.model.ServedModel;
import io.solstice.rank.shopper.Shopper;
import io.solstice.rank.shopper.ShopperReader;
import io.solstice.score.RankedItem;
import java.util.ArrayList;
import java.util.List;
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
        List<RankedItem> ranked =
                model.ranker()
                        .rank(
                                request.userId(),
                                shopper.history(),
                                context,
                                selection.known,
                                request.count(),
                                selection.rules);

        RankResponse response = respond(request, state, country, ranked, selection);
        log(request, shopper, response, start);
        return response;
    }

    /** The request's country, else the shopper's latest, else unknown (northern, worldwide). */
    private static Country country(RankRequest request, Shopper shopper, ServedModel model) {
        String named = request.country() != null ? request.country() : shopper.latestCountry();
        return named == null ? Country.UNKNOWN : model.calendar().country(named);
    }

    private static RankResponse respond(
            RankRequest request,
            ModelState state,
            Country country,
            List<RankedItem> ranked,
            CandidateSelection selection) {
        ServedModel model = state.model();
        List<RankedItemBody> items = new ArrayList<>(ranked.size());
        for (RankedItem item : ranked) {
            items.add(
                    new RankedItemBody(
                            items.size() + 1,
                            model.itemId(item.item()),
                            model.title(item.item()),
                            model.category(item.item()),
                            item.score(),
                            item.reason().name(),
                            item.detail()));
        }
        for (String id : selection.unknown) {
            if (items.size() >= request.count()) {
                break;
            }
            items.add(
                    new RankedItemBody(
                            items.size() + 1,
                            id,
                            id,
                            null,
                            null,
                            RankedItemBody.NOT_IN_MODEL,
                            "New to our recommendations: kept in the order given"));
        }
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
