package io.solstice.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.solstice.event.FieldError;
import java.util.List;

/**
 * The JSON body of every ingest response.
 *
 * <p>For a batch that could be read: the counts and one {@link RecordResult} per record in request
 * order; {@code error} is set only when every record was rejected. For a body that could not be
 * read as a batch: {@code error} and the body-level {@code errors}, without counts.
 *
 * @param received records in the request
 * @param accepted records stored by this request
 * @param duplicate events not stored again because their id was already stored with the same
 *     content (events only)
 * @param conflict events not stored because their id was already stored with other content; the
 *     stored event is unchanged (events only)
 * @param rejected records that failed validation
 * @param error one sentence saying why the request failed as a whole, else absent
 * @param errors problems with the body as a whole, else absent
 * @param results per record, in request order
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(
        Integer received,
        Integer accepted,
        Integer duplicate,
        Integer conflict,
        Integer rejected,
        String error,
        List<FieldErrorBody> errors,
        List<RecordResult> results) {

    /** A response for a body that is not a readable batch. */
    public static IngestResponse unreadable(String error, List<FieldError> errors) {
        List<FieldErrorBody> bodies = errors.stream().map(FieldErrorBody::of).toList();
        return new IngestResponse(null, null, null, null, null, error, bodies, null);
    }
}
