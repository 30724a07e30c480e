package io.solstice.rank.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.solstice.http.lambda.ApiGatewayAdapter;
import io.solstice.http.lambda.DirectRoutes;
import io.solstice.rank.RankRequestReader;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The rank function's Lambda handler, in the native executable and on the Java runtime alike: API
 * Gateway HTTP API (2.0) events, REST API (1.0) proxy events, and direct invokes whose payload is a
 * rank request ({@code aws lambda invoke --payload '{"userId":"17850"}'}), each answered in its own
 * shape by {@link ApiGatewayAdapter}; the ranking itself is {@link RankHttpApi}'s.
 *
 * <p>A plain Quarkus Lambda stream handler ({@code quarkus-amazon-lambda}) rather than Quarkus'
 * HTTP layer: that layer reads 2.0 events only, and in the native executable nothing can stand in
 * front of it.
 */
@Named("rank")
@Singleton
public class RankLambdaHandler implements RequestStreamHandler {

    /** Every direct invoke is a rank request. */
    static final DirectRoutes DIRECT_ROUTES =
            DirectRoutes.always("/rank", RankRequestReader.EXAMPLE);

    private final ApiGatewayAdapter adapter;

    @Inject
    RankLambdaHandler(RankHttpApi api) {
        this.adapter = new ApiGatewayAdapter(api, DIRECT_ROUTES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        adapter.handleRequest(input, output, context);
    }
}
