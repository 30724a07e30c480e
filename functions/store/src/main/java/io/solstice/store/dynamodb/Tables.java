package io.solstice.store.dynamodb;

import io.solstice.store.StoreException;
import io.solstice.store.dynamodb.internal.CatalogItems;
import io.solstice.store.dynamodb.internal.EventItems;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates Solstice's tables, for tests and the local demo (in AWS the infrastructure template
 * creates them with the same design). Creation is idempotent.
 *
 * <p><b>Events table</b>: hash key {@code eventId} (S); attributes {@code type}, {@code userId}
 * (absent for guests), {@code itemId}, {@code quantity} (N), {@code unitPrice} (N), {@code ts} (N,
 * epoch millis), {@code localDate} (S, the shopper's yyyy-MM-dd), {@code offset}, {@code country},
 * {@code orderId}, {@code query} (S, searches only), {@code rating} (N, ratings only), {@code
 * storedAt} (N). Global secondary index {@code byUser} (hash {@code userId}, range {@code ts}, all
 * attributes) so one shopper's history is one Query; guests are not in it.
 *
 * <p><b>Catalog table</b>: hash key {@code itemId} (S); attributes {@code title}, {@code
 * description}, {@code category}, {@code price} (N, absent when unknown), {@code inStock} (BOOL),
 * {@code updatedAt} (N).
 */
public final class Tables {

    /** Name of the events table's index on (userId, ts). */
    public static final String USER_INDEX = EventItems.USER_INDEX;

    private static final Logger LOG = Logger.getLogger(Tables.class);

    private Tables() {}

    /** Creates both tables unless they exist, and waits until they are active. */
    public static void createIfMissing(
            DynamoDbClient client, String eventsTable, String catalogTable) {
        createEventsTableIfMissing(client, eventsTable);
        createCatalogTableIfMissing(client, catalogTable);
    }

    /** Creates the events table with its {@code byUser} index unless it exists. */
    public static void createEventsTableIfMissing(DynamoDbClient client, String table) {
        GlobalSecondaryIndex byUser =
                GlobalSecondaryIndex.builder()
                        .indexName(EventItems.USER_INDEX)
                        .keySchema(
                                key(EventItems.USER_ID, KeyType.HASH),
                                key(EventItems.TS, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build();
        CreateTableRequest request =
                CreateTableRequest.builder()
                        .tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key(EventItems.EVENT_ID, KeyType.HASH))
                        .attributeDefinitions(
                                attribute(EventItems.EVENT_ID, ScalarAttributeType.S),
                                attribute(EventItems.USER_ID, ScalarAttributeType.S),
                                attribute(EventItems.TS, ScalarAttributeType.N))
                        .globalSecondaryIndexes(byUser)
                        .build();
        createIfMissing(client, request);
    }

    /** Creates the catalog table unless it exists. */
    public static void createCatalogTableIfMissing(DynamoDbClient client, String table) {
        CreateTableRequest request =
                CreateTableRequest.builder()
                        .tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key(CatalogItems.ITEM_ID, KeyType.HASH))
                        .attributeDefinitions(
                                attribute(CatalogItems.ITEM_ID, ScalarAttributeType.S))
                        .build();
        createIfMissing(client, request);
    }

    private static void createIfMissing(DynamoDbClient client, CreateTableRequest request) {
        String table = request.tableName();
        try {
            if (!exists(client, table)) {
                client.createTable(request);
                LOG.infof("table created table=%s", table);
            }
            client.waiter().waitUntilTableExists(b -> b.tableName(table));
        } catch (ResourceInUseException createdMeanwhile) {
            client.waiter().waitUntilTableExists(b -> b.tableName(table));
        } catch (SdkException e) {
            throw new StoreException(
                    "cannot create DynamoDB table '" + table + "': " + e.getMessage(), e);
        }
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
