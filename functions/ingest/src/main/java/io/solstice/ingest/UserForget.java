package io.solstice.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.event.ForgetRequestValidator;
import io.solstice.event.Validated;
import io.solstice.store.dynamodb.EventStore;
import org.jboss.logging.Logger;

/**
 * Handles a {@code POST /users/forget} body, a privacy request: deletes every stored event of the
 * shopper through the events table's {@code byUser} index. Solstice keeps no other per-shopper
 * record (no profile table); a published model that was trained on the shopper's events keeps their
 * learned embedding until the next training, which no longer sees the events.
 */
public final class UserForget {

    private static final Logger LOG = Logger.getLogger(UserForget.class);

    private final EventStore store;

    /**
     * @param store the events to delete from
     */
    public UserForget(EventStore store) {
        this.store = store;
    }

    /**
     * @param body the parsed body, or null when there was none
     * @return 200 with the count of deleted events (also when there were none), or 400 naming the
     *     field
     */
    public Answer<ForgetResponse> forget(JsonNode body) {
        Validated<String> userId = ForgetRequestValidator.validate(body);
        if (!userId.isValid()) {
            LOG.infof("forget request refused error=%s", userId.errors().get(0).message());
            return new Answer<>(
                    IngestOutcome.BAD_REQUEST,
                    new ForgetResponse(
                            null,
                            null,
                            "the body does not name a shopper to forget",
                            userId.errors().stream().map(FieldErrorBody::of).toList()));
        }

        long deleted = store.forgetUser(userId.value());
        return new Answer<>(
                IngestOutcome.OK, new ForgetResponse(userId.value(), deleted, null, null));
    }

    /**
     * An HTTP status with a body.
     *
     * @param status the HTTP status
     * @param body the JSON body
     */
    public record Answer<T>(int status, T body) {}
}
