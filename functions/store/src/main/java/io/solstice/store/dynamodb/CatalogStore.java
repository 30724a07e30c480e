package io.solstice.store.dynamodb;

import io.solstice.event.CatalogItem;
import io.solstice.store.StoreException;
import io.solstice.store.dynamodb.internal.Backoff;
import io.solstice.store.dynamodb.internal.BatchCalls;
import io.solstice.store.dynamodb.internal.CatalogItems;
import io.solstice.store.dynamodb.internal.SdkErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The storefront's catalogue in a DynamoDB table keyed by item id (see {@link Tables}). Writes are
 * upserts: the latest version of an item wins. The SDK client is the caller's.
 */
public final class CatalogStore {

    private static final Logger LOG = Logger.getLogger(CatalogStore.class);

    private final DynamoDbClient client;

    private final String table;

    private final BatchCalls batches;

    private final Clock clock = Clock.systemUTC();

    /**
     * @param client the caller's DynamoDB client
     * @param table the catalog table's name
     */
    public CatalogStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        this.batches = new BatchCalls(client, table, Backoff.DEFAULT, Runnable::run);
    }

    /**
     * Inserts or replaces the items. When an id appears more than once, the last one wins.
     *
     * @return how many distinct items were written
     * @throws StoreException naming the item ids of the chunk that failed
     */
    public int upsert(Collection<CatalogItem> items) {
        Map<String, CatalogItem> lastById = new LinkedHashMap<>();
        items.forEach(item -> lastById.put(item.itemId(), item));

        Instant now = clock.instant();
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        lastById.values().forEach(item -> rows.add(CatalogItems.toItem(item, now)));
        batches.putAll(rows, CatalogStore::describe);

        LOG.debugf("catalog upserted table=%s items=%d", table, rows.size());
        return rows.size();
    }

    /** Every item of the catalogue, in no particular order. */
    public List<CatalogItem> scanAll() {
        List<CatalogItem> all = new ArrayList<>();
        try {
            client.scanPaginator(b -> b.tableName(table))
                    .items()
                    .forEach(item -> all.add(CatalogItems.fromItem(item)));
            return all;
        } catch (SdkException e) {
            throw SdkErrors.translate(e, table, "scan the catalog");
        }
    }

    /**
     * The items with the given ids; ids not in the catalogue are absent from the result.
     *
     * @return items by id, in the order of the ids given
     */
    public Map<String, CatalogItem> getAll(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        distinct.forEach(id -> keys.add(CatalogItems.key(id)));

        Map<String, CatalogItem> found = new LinkedHashMap<>();
        batches.getAll(keys, null, Map.of())
                .forEach(
                        item ->
                                found.put(
                                        item.get(CatalogItems.ITEM_ID).s(),
                                        CatalogItems.fromItem(item)));

        Map<String, CatalogItem> ordered = new LinkedHashMap<>();
        distinct.stream().filter(found::containsKey).forEach(id -> ordered.put(id, found.get(id)));
        return ordered;
    }

    private static String describe(List<Map<String, AttributeValue>> chunk) {
        String first = chunk.get(0).get(CatalogItems.ITEM_ID).s();
        String last = chunk.get(chunk.size() - 1).get(CatalogItems.ITEM_ID).s();
        return chunk.size() + " catalog items " + first + (chunk.size() > 1 ? " .. " + last : "");
    }
}
