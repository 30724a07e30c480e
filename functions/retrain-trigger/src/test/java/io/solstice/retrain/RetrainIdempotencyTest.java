package io.solstice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.solstice.retrain.RetrainOutcome.Status;
import io.solstice.retrain.ledger.RunLedger;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The ways a run could be submitted twice or not at all, against dynalite and the Batch stand-in: a
 * refused SubmitJob, a delivery that died holding its claim (before or after submitting), a
 * delivery still in flight, and deliveries racing each other. Each test uses its own scheduled
 * time, so the shared tables and stand-in need no reset.
 */
@QuarkusTest
@QuarkusTestResource(RetrainStandIns.class)
class RetrainIdempotencyTest {

    private static final Duration LONG_AGO = Duration.ofMinutes(10);

    @Inject RunLedger ledger;

    @Inject RetrainTrigger trigger;

    @Test
    void refusedSubmitReleasesTheClaimSoThatTheRetrySubmits() {
        // given
        String event = directInvoke("2025-01-06T03:00:00Z");
        BatchCalls.refuseNextSubmits(1);

        // when
        LambdaInvoker.Result refused = LambdaInvoker.invoke(event);
        LambdaInvoker.Result retried = LambdaInvoker.invoke(event);

        // then
        assertThat(refused.ok()).isFalse();
        assertThat(refused.body().path("errorMessage").asText())
                .contains("cannot submit job solstice-train-test-20250106T030000Z")
                .contains("SOLSTICE_JOB_QUEUE");
        assertThat(retried.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(BatchCalls.submitted("solstice-train-test-20250106T030000Z")).hasSize(1);
    }

    @Test
    void expiredClaimWhoseJobIsInBatchIsRecordedWithoutSubmitting() {
        // given: a delivery claimed the run long ago, submitted, and died before recording
        ScheduledRun run = run("2025-01-13T03:00:00Z");
        String jobName = run.jobName(RetrainStandIns.JOB_NAME_PREFIX);
        ledger.claim(jobName, run, Instant.now().minus(LONG_AGO));
        BatchCalls.addExistingJob(jobName);
        int listCallsBefore = BatchCalls.listJobsCalls();

        // when
        LambdaInvoker.Result taken = LambdaInvoker.invoke(directInvoke("2025-01-13T03:00:00Z"));
        LambdaInvoker.Result again = LambdaInvoker.invoke(directInvoke("2025-01-13T03:00:00Z"));

        // then
        assertThat(taken.body().path("status").asText()).isEqualTo("FOUND_IN_BATCH");
        assertThat(again.body().path("status").asText()).isEqualTo("ALREADY_SUBMITTED");
        assertThat(again.body().path("jobId")).isEqualTo(taken.body().path("jobId"));
        assertThat(BatchCalls.submitted(jobName)).isEmpty();
        assertThat(BatchCalls.listJobsCalls()).isEqualTo(listCallsBefore + 1);
    }

    @Test
    void expiredClaimWithoutAJobIsTakenOverAndSubmitted() {
        // given: a delivery claimed the run long ago and died before submitting
        ScheduledRun run = run("2025-01-20T03:00:00Z");
        String jobName = run.jobName(RetrainStandIns.JOB_NAME_PREFIX);
        ledger.claim(jobName, run, Instant.now().minus(LONG_AGO));

        // when
        LambdaInvoker.Result taken = LambdaInvoker.invoke(directInvoke("2025-01-20T03:00:00Z"));

        // then
        assertThat(taken.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(BatchCalls.submitted(jobName)).hasSize(1);
    }

    @Test
    void liveClaimOfAnotherDeliveryFailsThisOneForALaterRetry() {
        // given: another delivery is submitting right now
        ScheduledRun run = run("2025-01-27T03:00:00Z");
        String jobName = run.jobName(RetrainStandIns.JOB_NAME_PREFIX);
        ledger.claim(jobName, run, Instant.now());

        // when
        LambdaInvoker.Result blocked = LambdaInvoker.invoke(directInvoke("2025-01-27T03:00:00Z"));

        // then
        assertThat(blocked.ok()).isFalse();
        assertThat(blocked.body().path("errorMessage").asText())
                .contains("run " + jobName + " is being submitted by another delivery");
        assertThat(BatchCalls.submitted(jobName)).isEmpty();
    }

    @Test
    void racingDeliveriesSubmitOneJob() throws Exception {
        // given
        ScheduledRun run = run("2025-02-03T03:00:00Z");
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);

        // when
        List<Future<Status>> results = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                results.add(pool.submit(deliver(run)));
            }
        } finally {
            pool.shutdown();
        }

        // then
        List<Status> statuses = new ArrayList<>();
        for (Future<Status> result : results) {
            statuses.add(result.get());
        }
        assertThat(statuses).containsOnlyOnce(Status.SUBMITTED);
        assertThat(BatchCalls.submitted(run.jobName(RetrainStandIns.JOB_NAME_PREFIX))).hasSize(1);
    }

    /** One delivery; null when it found another delivery in flight (it would be retried). */
    private Callable<Status> deliver(ScheduledRun run) {
        return () -> {
            try {
                return trigger.trigger(run).status();
            } catch (RunInProgressException inFlight) {
                return null;
            }
        };
    }

    private static ScheduledRun run(String time) {
        Instant instant = Instant.parse(time);
        return new ScheduledRun(instant, LocalDate.ofInstant(instant, ZoneOffset.UTC), "direct");
    }

    private static String directInvoke(String time) {
        return "{\"time\":\"" + time + "\"}";
    }
}
