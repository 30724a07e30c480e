package io.solstice.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What happened to one record of a batch.
 *
 * @param index the record's position in the request, from 0
 * @param eventId the event's id when it had a readable one (events only)
 * @param itemId the item's id when it had a readable one (catalogue only)
 * @param status {@code accepted}, {@code duplicate} (already stored with the same content, not
 *     stored again), {@code conflict} (already stored with other content; not stored, the stored
 *     event is unchanged) or {@code rejected}
 * @param errors why the record was rejected, or for a conflict each differing field with the stored
 *     value as expected and the sent value as got; absent otherwise
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(
        int index, String eventId, String itemId, String status, List<FieldErrorBody> errors) {

    /** Status of a record that was stored. */
    public static final String ACCEPTED = "accepted";

    /** Status of an event whose id was already stored. */
    public static final String DUPLICATE = "duplicate";

    /** Status of an event whose id was already stored with other content. */
    public static final String CONFLICT = "conflict";

    /** Status of a record that failed validation. */
    public static final String REJECTED = "rejected";
}
