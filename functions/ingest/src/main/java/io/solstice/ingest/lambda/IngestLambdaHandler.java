package io.solstice.ingest.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import io.solstice.http.lambda.ApiGatewayAdapter;
import io.solstice.http.lambda.DirectRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The ingest function's Lambda handler ({@code
 * io.solstice.ingest.lambda.IngestLambdaHandler::handleRequest}): API Gateway HTTP API and REST API
 * events, and direct invokes of {@code {"events":[...]}} (to {@code POST /events}) or {@code
 * {"items":[...]}} (to {@code POST /catalog}), all served by the same Funqy functions through
 * Quarkus' HTTP handler.
 *
 * <p>It is a plain class with a stream-handler method, not a {@code RequestStreamHandler}: Quarkus
 * refuses to build an application that declares its own handler beside the lambda-http extension,
 * and the Lambda Java runtime calls a method of this signature all the same. In
 * {@code @QuarkusTest} the mock event server bypasses it; {@code IngestLambdaShapesIT} runs it in
 * the packaged function.
 */
public class IngestLambdaHandler {

    /** Where direct invokes go. */
    static final DirectRoutes DIRECT_ROUTES =
            DirectRoutes.byField(
                    Map.of("events", "/events", "items", "/catalog"),
                    "{\"events\":[...]} or {\"items\":[...]}");

    private final ApiGatewayAdapter adapter =
            new ApiGatewayAdapter(new QuarkusStreamHandler()::handleRequest, DIRECT_ROUTES);

    /** Called by the Lambda runtime for each invocation. */
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        adapter.handleRequest(input, output, context);
    }
}
