package io.solstice.ingest;

import io.solstice.ingest.lambda.IngestLambdaHandler;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalFunction;
import io.solstice.local.LocalLambdaRuntime;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The packaged ingest function ({@code target/function.zip}, or {@code -Dsolstice.ingest.zip}) as
 * Lambda's Java runtime runs it: its own JVM under AWS's Runtime Interface Client, polling the
 * local Lambda runtime emulator, with the handler the template deploys and dynalite behind it.
 * Started once per test class: {@code @RegisterExtension static final PackagedIngestFunction INGEST
 * = new PackagedIngestFunction("shapes", "-Xmx384m");}.
 */
final class PackagedIngestFunction implements BeforeAllCallback, AfterAllCallback {

    private final String name;

    private final String heap;

    private LocalDynamoDb dynamo;

    private DynamoDbClient client;

    private LocalLambdaRuntime runtime;

    private LocalFunction function;

    /**
     * @param name names the function and prefixes its tables, e.g. {@code shapes}
     * @param heap the function JVM's heap option, e.g. {@code -Xmx384m}
     */
    PackagedIngestFunction(String name, String heap) {
        this.name = name;
        this.heap = heap;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dynamo = LocalDynamoDb.start();
        client =
                StoreClients.dynamoDb(
                        dynamo.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY);
        Tables.createIfMissing(client, eventsTable(), catalogTable());
        runtime = LocalLambdaRuntime.start();
        Path zip = Path.of(System.getProperty("solstice.ingest.zip", "target/function.zip"));
        function =
                LocalFunction.startJava(
                        "solstice-ingest-" + name,
                        zip,
                        IngestLambdaHandler.class.getName() + "::handleRequest",
                        runtime,
                        IngestFunctionEnvironment.of(dynamo, eventsTable(), catalogTable()),
                        List.of(heap),
                        Duration.ofMinutes(2));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        function.close();
        runtime.close();
        client.close();
        dynamo.close();
    }

    /** The runtime emulator the function polls: invoke it through here. */
    LocalLambdaRuntime runtime() {
        return runtime;
    }

    /** A client of the function's DynamoDB, to check what it stored. */
    DynamoDbClient dynamoDb() {
        return client;
    }

    String eventsTable() {
        return name + "-events";
    }

    String catalogTable() {
        return name + "-catalog";
    }
}
