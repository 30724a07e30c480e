package io.solstice.ingest;

/**
 * An HTTP status with the response body.
 *
 * @param status 200 when every record was stored or was a duplicate, 207 when some were rejected,
 *     400 when the body was unreadable or every record was rejected
 * @param body the JSON body
 */
public record IngestOutcome(int status, IngestResponse body) {

    /** Everything stored. */
    public static final int OK = 200;

    /** Some records rejected, the others stored. */
    public static final int MULTI_STATUS = 207;

    /** Nothing stored because of the request. */
    public static final int BAD_REQUEST = 400;

    /** The status for a batch with the given counts. */
    static int statusFor(int stored, int rejected) {
        if (rejected == 0) {
            return OK;
        }
        return stored > 0 ? MULTI_STATUS : BAD_REQUEST;
    }
}
