package io.solstice.retrain.ledger;

import io.solstice.retrain.RetrainException;
import io.solstice.retrain.ScheduledRun;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The record of retraining runs in DynamoDB that makes the trigger idempotent: one item per run
 * key, written with a conditional put before the job is submitted.
 *
 * <p>A delivery first <em>claims</em> the run: the put succeeds only when no item exists, or when
 * the existing item is an unfinished claim whose lease has expired (its delivery died). After
 * SubmitJob it <em>records</em> the job id, which turns the item into {@code SUBMITTED}; when
 * SubmitJob fails it <em>releases</em> the claim so that a retry can submit. A later delivery of
 * the same run finds {@code SUBMITTED} and submits nothing.
 *
 * <p>Item: {@code runKey} (S, hash key), {@code state} ({@code SUBMITTING} or {@code SUBMITTED}),
 * {@code claimToken}, {@code leaseUntil} (N, epoch millis), {@code scheduledTime}, {@code asOf},
 * {@code jobId}, {@code submittedAt} (N, epoch millis), {@code expiresAt} (N, epoch seconds, the
 * table's TTL attribute).
 */
public final class RunLedger {

    /** The table's hash key attribute (S): the run's job name. */
    public static final String RUN_KEY = "runKey";

    /** The table's TTL attribute (N, epoch seconds). */
    public static final String EXPIRES_AT = "expiresAt";

    private static final String STATE = "state";
    private static final String CLAIM_TOKEN = "claimToken";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String JOB_ID = "jobId";

    private static final String SUBMITTING = "SUBMITTING";
    private static final String SUBMITTED = "SUBMITTED";
    private static final int CLAIM_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(RunLedger.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration lease;
    private final Duration retention;

    /**
     * @param dynamoDb the client
     * @param table the runs table, hash key {@code runKey} (S)
     * @param lease how long a claim holds before another delivery may take it over
     * @param retention how long items live before TTL deletes them
     */
    public RunLedger(DynamoDbClient dynamoDb, String table, Duration lease, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.lease = lease;
        this.retention = retention;
    }

    /**
     * Claims a run for this delivery, or says who has it.
     *
     * @param runKey the run's key (its job name)
     * @param run the run, recorded on the item for people reading the table
     * @param now the current time
     * @throws RetrainException when DynamoDB fails
     */
    public RunClaim claim(String runKey, ScheduledRun run, Instant now) {
        try {
            for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
                Optional<RunClaim> claim = tryClaim(runKey, run, now);
                if (claim.isPresent()) {
                    return claim.get();
                }
            }
            return RunClaim.inProgress(runKey, now);
        } catch (SdkException e) {
            throw failure("claim", runKey, e);
        }
    }

    /**
     * Records that a claimed run's job was submitted. When the claim was taken over meanwhile (this
     * delivery outlived its lease), the record is left to the new holder, which finds the job in
     * Batch by name.
     *
     * @throws RetrainException when DynamoDB fails; the job is submitted all the same
     */
    public void recordSubmitted(RunClaim claim, String jobId, Instant now) {
        try {
            dynamoDb.updateItem(
                    b ->
                            b.tableName(table)
                                    .key(key(claim.runKey()))
                                    .updateExpression(
                                            "SET #state = :submitted, jobId = :jobId,"
                                                    + " submittedAt = :now REMOVE leaseUntil")
                                    .conditionExpression("claimToken = :token")
                                    .expressionAttributeNames(Map.of("#state", STATE))
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":submitted", s(SUBMITTED),
                                                    ":jobId", s(jobId),
                                                    ":now", n(now.toEpochMilli()),
                                                    ":token", s(claim.token()))));
        } catch (ConditionalCheckFailedException lost) {
            LOG.warnf(
                    "retrain claim lost before recording runKey=%s jobId=%s",
                    claim.runKey(), jobId);
        } catch (SdkException e) {
            throw failure("record job " + jobId + " of", claim.runKey(), e);
        }
    }

    /**
     * Gives a claim back after a failed submission, so that a retry may submit at once rather than
     * after the lease. Failures are logged, not thrown: the lease expires on its own.
     */
    public void release(RunClaim claim) {
        try {
            dynamoDb.deleteItem(
                    b ->
                            b.tableName(table)
                                    .key(key(claim.runKey()))
                                    .conditionExpression("claimToken = :token AND #state = :s")
                                    .expressionAttributeNames(Map.of("#state", STATE))
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":token", s(claim.token()),
                                                    ":s", s(SUBMITTING))));
        } catch (SdkException e) {
            LOG.warnf(
                    "retrain claim not released runKey=%s error=%s; it expires with its lease",
                    claim.runKey(), e.getMessage());
        }
    }

    /** The claim, or empty when the holder released it between our put and our read. */
    private Optional<RunClaim> tryClaim(String runKey, ScheduledRun run, Instant now) {
        String token = UUID.randomUUID().toString();
        try {
            PutItemResponse put = dynamoDb.putItem(b -> claimRequest(b, runKey, run, token, now));
            boolean takeover = put.hasAttributes() && !put.attributes().isEmpty();
            return Optional.of(RunClaim.claimed(runKey, token, takeover));
        } catch (ConditionalCheckFailedException taken) {
            return existing(runKey);
        }
    }

    private void claimRequest(
            PutItemRequest.Builder b, String runKey, ScheduledRun run, String token, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(runKey));
        item.put(STATE, s(SUBMITTING));
        item.put(CLAIM_TOKEN, s(token));
        item.put(LEASE_UNTIL, n(now.plus(lease).toEpochMilli()));
        item.put("scheduledTime", s(run.scheduledTime().toString()));
        item.put("asOf", s(run.asOf().toString()));
        item.put("origin", s(run.origin()));
        item.put(EXPIRES_AT, n(now.plus(retention).getEpochSecond()));

        b.tableName(table)
                .item(item)
                .conditionExpression(
                        "attribute_not_exists(runKey)"
                                + " OR (#state = :submitting AND leaseUntil < :now)")
                .expressionAttributeNames(Map.of("#state", STATE))
                .expressionAttributeValues(
                        Map.of(":submitting", s(SUBMITTING), ":now", n(now.toEpochMilli())))
                .returnValues(ReturnValue.ALL_OLD);
    }

    private Optional<RunClaim> existing(String runKey) {
        Map<String, AttributeValue> item =
                dynamoDb.getItem(b -> b.tableName(table).key(key(runKey)).consistentRead(true))
                        .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        if (SUBMITTED.equals(text(item, STATE))) {
            return Optional.of(RunClaim.alreadySubmitted(runKey, text(item, JOB_ID)));
        }
        AttributeValue leaseUntil = item.get(LEASE_UNTIL);
        Instant until =
                leaseUntil == null
                        ? Instant.EPOCH
                        : Instant.ofEpochMilli(Long.parseLong(leaseUntil.n()));
        return Optional.of(RunClaim.inProgress(runKey, until));
    }

    private RetrainException failure(String action, String runKey, SdkException e) {
        return new RetrainException(
                "cannot "
                        + action
                        + " run "
                        + runKey
                        + " in DynamoDB table '"
                        + table
                        + "' (SOLSTICE_RUNS_TABLE): "
                        + e.getMessage(),
                e);
    }

    private static Map<String, AttributeValue> key(String runKey) {
        return Map.of(RUN_KEY, s(runKey));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
