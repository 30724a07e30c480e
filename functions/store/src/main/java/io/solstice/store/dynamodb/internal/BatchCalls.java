package io.solstice.store.dynamodb.internal;

import io.solstice.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem (puts, deletes) and BatchGetItem over lists of any length: split into chunks of
 * the API's limits, run on an executor, with unprocessed items and keys retried under a {@link
 * Backoff}.
 */
public final class BatchCalls {

    /** The most put requests one BatchWriteItem call takes. */
    public static final int WRITE_CHUNK = 25;

    /** The most keys one BatchGetItem call takes. */
    public static final int READ_CHUNK = 100;

    private final DynamoDbClient client;

    private final String table;

    private final Backoff backoff;

    private final Executor executor;

    /**
     * @param executor runs the chunks; its parallelism bounds the concurrent calls
     */
    public BatchCalls(DynamoDbClient client, String table, Backoff backoff, Executor executor) {
        this.client = client;
        this.table = table;
        this.backoff = backoff;
        this.executor = executor;
    }

    /**
     * Puts all items, overwriting items with the same key.
     *
     * @param describe names the business keys of a chunk for error messages
     */
    public void putAll(
            List<Map<String, AttributeValue>> items,
            Function<List<Map<String, AttributeValue>>, String> describe) {
        writeAll(items, BatchCalls::put, describe);
    }

    /**
     * Deletes the items with the given keys; absent keys are no error.
     *
     * @param describe names the business keys of a chunk for error messages
     */
    public void deleteAll(
            List<Map<String, AttributeValue>> keys,
            Function<List<Map<String, AttributeValue>>, String> describe) {
        writeAll(keys, BatchCalls::delete, describe);
    }

    private void writeAll(
            List<Map<String, AttributeValue>> items,
            Function<Map<String, AttributeValue>, WriteRequest> request,
            Function<List<Map<String, AttributeValue>>, String> describe) {
        List<Supplier<Void>> calls = new ArrayList<>();
        for (List<Map<String, AttributeValue>> chunk : chunks(items, WRITE_CHUNK)) {
            List<WriteRequest> requests = chunk.stream().map(request).toList();
            calls.add(() -> writeChunk(requests, describe.apply(chunk)));
        }
        runAll(calls);
    }

    /**
     * Gets the items with the given keys; absent keys are simply not in the result.
     *
     * @param projection a projection expression using {@code names}, or null for whole items
     * @param names expression attribute names used by the projection
     */
    public List<Map<String, AttributeValue>> getAll(
            List<Map<String, AttributeValue>> keys, String projection, Map<String, String> names) {
        List<Supplier<List<Map<String, AttributeValue>>>> calls = new ArrayList<>();
        for (List<Map<String, AttributeValue>> chunk : chunks(keys, READ_CHUNK)) {
            calls.add(() -> getChunk(keysAndAttributes(chunk, projection, names)));
        }

        List<Map<String, AttributeValue>> found = new ArrayList<>();
        runAll(calls).forEach(found::addAll);
        return found;
    }

    private Void writeChunk(List<WriteRequest> requests, String what) {
        List<WriteRequest> pending = requests;

        for (int retry = 0; !pending.isEmpty(); retry++) {
            if (retry > backoff.maxRetries()) {
                throw new StoreException(
                        "cannot write "
                                + what
                                + " to DynamoDB table '"
                                + table
                                + "': "
                                + pending.size()
                                + " items still unprocessed after "
                                + backoff.maxRetries()
                                + " retries (throttled)");
            }
            if (retry > 0) {
                backoff.pause(retry);
            }
            pending = writeOnce(pending, what);
        }
        return null;
    }

    private List<WriteRequest> writeOnce(List<WriteRequest> requests, String what) {
        try {
            BatchWriteItemResponse response =
                    client.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
            return response.unprocessedItems().getOrDefault(table, List.of());
        } catch (SdkException e) {
            throw SdkErrors.translate(e, table, "write " + what);
        }
    }

    private List<Map<String, AttributeValue>> getChunk(KeysAndAttributes request) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        KeysAndAttributes pending = request;

        for (int retry = 0; pending != null && !pending.keys().isEmpty(); retry++) {
            if (retry > backoff.maxRetries()) {
                throw new StoreException(
                        "cannot read "
                                + pending.keys().size()
                                + " keys from DynamoDB table '"
                                + table
                                + "': still unprocessed after "
                                + backoff.maxRetries()
                                + " retries (throttled)");
            }
            if (retry > 0) {
                backoff.pause(retry);
            }
            pending = readOnce(pending, found);
        }
        return found;
    }

    private KeysAndAttributes readOnce(
            KeysAndAttributes request, List<Map<String, AttributeValue>> found) {
        try {
            BatchGetItemResponse response =
                    client.batchGetItem(b -> b.requestItems(Map.of(table, request)));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            return response.unprocessedKeys().get(table);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, table, "read " + request.keys().size() + " keys");
        }
    }

    private <T> List<T> runAll(List<Supplier<T>> calls) {
        List<CompletableFuture<T>> futures = new ArrayList<>();
        calls.forEach(call -> futures.add(CompletableFuture.supplyAsync(call, executor)));

        List<T> results = new ArrayList<>();
        try {
            futures.forEach(future -> results.add(future.join()));
            return results;
        } catch (CompletionException e) {
            futures.forEach(future -> future.cancel(false));
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static KeysAndAttributes keysAndAttributes(
            List<Map<String, AttributeValue>> keys, String projection, Map<String, String> names) {
        KeysAndAttributes.Builder builder = KeysAndAttributes.builder().keys(keys);
        if (projection != null) {
            builder.projectionExpression(projection).expressionAttributeNames(names);
        }
        return builder.build();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build())
                .build();
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}
