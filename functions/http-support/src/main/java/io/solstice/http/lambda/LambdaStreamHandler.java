package io.solstice.http.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda stream handler as a function: reads one event, writes one response. Quarkus' {@code
 * QuarkusStreamHandler::handleRequest} fits it, and so does a fake in tests.
 */
@FunctionalInterface
public interface LambdaStreamHandler {

    /** Handles one invocation. */
    void handleRequest(InputStream input, OutputStream output, Context context) throws IOException;
}
