package io.solstice.rank;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON body of a successful {@code POST /rank}.
 *
 * @param modelVersion the published model version that ranked the items (also {@code model.id})
 * @param ranker {@value #MODEL} when the model's network scored the items, {@value
 *     #SEASONAL_POPULARITY} when its weights could not be used and recent buyers plus holiday
 *     affinity did
 * @param date the day ranked for (yyyy-MM-dd)
 * @param country ISO 3166 alpha-2 code of the country whose seasons and holidays applied, {@code
 *     ZZ} when unknown (northern seasons, worldwide holidays only)
 * @param season the meteorological season on that date in that country's hemisphere, e.g. {@code
 *     WINTER}
 * @param placement the placement ranked for: {@code for_you}, {@code rerank} or {@code related}
 * @param items the ranked items, best first; fewer than asked when fewer items had sold before the
 *     date or passed the filters
 * @param notices what the request asked for that could not be done, one sentence each (e.g. a price
 *     filter without catalogue prices, item ids the model does not know); empty when none
 * @param model the model that ranked and its status: {@code current}, {@code stale} or {@code
 *     fallback}, with a reason when not current
 */
@RegisterForReflection
public record RankResponse(
        String modelVersion,
        String ranker,
        String date,
        String country,
        String season,
        String placement,
        List<RankedItemBody> items,
        List<String> notices,
        ModelBody model) {

    /** The ranker named when the model's network scored the items. */
    public static final String MODEL = "model";

    /** The ranker named when seasonal popularity ranked the items. */
    public static final String SEASONAL_POPULARITY = "seasonal-popularity";
}
