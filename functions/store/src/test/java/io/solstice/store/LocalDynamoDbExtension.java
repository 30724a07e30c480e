package io.solstice.store;

import io.solstice.local.LocalDynamoDb;
import io.solstice.store.dynamodb.Tables;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB stand-in with the real SDK client pointed at it, started once per test class
 * ({@code @RegisterExtension static final LocalDynamoDbExtension DYNAMO = new
 * LocalDynamoDbExtension();}). Each test takes fresh tables, so that what one writes never reaches
 * another.
 */
public final class LocalDynamoDbExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalDynamoDb dynamo;

    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        dynamo = LocalDynamoDb.start();
        client = StandIns.dynamoDbClient(dynamo);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        dynamo.close();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** A new, empty events table (with its byUser index); returns its name. */
    public String newEventsTable() {
        String table = "events-" + UUID.randomUUID();
        Tables.createEventsTableIfMissing(client, table);
        return table;
    }

    /** A new, empty catalogue table; returns its name. */
    public String newCatalogTable() {
        String table = "catalog-" + UUID.randomUUID();
        Tables.createCatalogTableIfMissing(client, table);
        return table;
    }
}
