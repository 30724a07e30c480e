package io.solstice.rank.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.solstice.event.Validated;
import io.solstice.rank.BadRankRequestException;
import io.solstice.rank.RankRequest;
import io.solstice.rank.RankRequestReader;
import io.solstice.rank.RankResponse;
import io.solstice.rank.RankService;
import jakarta.inject.Inject;

/**
 * The rank API as a Funqy function, served over HTTP and, in Lambda, behind an API Gateway HTTP API
 * (payload 2.0): {@code POST /rank}. The body is taken as a JSON tree so that every field problem
 * is reported by {@link RankRequestReader} rather than by data binding; failures become JSON error
 * bodies in {@link RankRoutes}.
 */
public class RankFunction {

    private final RankRequestReader reader;

    private final RankService service;

    @Inject
    RankFunction(RankRequestReader reader, RankService service) {
        this.reader = reader;
        this.service = service;
    }

    /**
     * Ranks the catalogue for one shopper on one date: {@code {"userId": "17850", "date":
     * "2011-11-15", "country": "United Kingdom", "count": 10, "excludePurchased": false}}, every
     * field optional.
     *
     * @return the model version, the ranker, the date, country and season used, and the items best
     *     first with a reason each
     * @throws BadRankRequestException for fields that do not fit (400)
     */
    @Funq("rank")
    public RankResponse rank(JsonNode body) {
        Validated<RankRequest> request = reader.read(body);
        if (!request.isValid()) {
            throw new BadRankRequestException(request.errors());
        }
        return service.rank(request.value());
    }
}
