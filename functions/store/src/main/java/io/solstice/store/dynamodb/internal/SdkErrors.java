package io.solstice.store.dynamodb.internal;

import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns DynamoDB SDK exceptions into the store's own, keeping the cause. */
public final class SdkErrors {

    private SdkErrors() {}

    /**
     * @param table the table the call used
     * @param action what was attempted, naming the business key, e.g. {@code "write events
     *     e1..e25"}
     */
    public static StoreException translate(SdkException e, String table, String action) {
        if (e instanceof ResourceNotFoundException) {
            return new MissingResourceException(
                    table,
                    "cannot "
                            + action
                            + ": DynamoDB table '"
                            + table
                            + "' (or its index) does not exist",
                    e);
        }
        return new StoreException(
                "cannot " + action + " in DynamoDB table '" + table + "': " + e.getMessage(), e);
    }
}
