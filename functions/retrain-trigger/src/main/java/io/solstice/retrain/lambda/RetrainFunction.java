package io.solstice.retrain.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.solstice.retrain.RetrainOutcome;
import io.solstice.retrain.RetrainTrigger;
import io.solstice.retrain.ScheduledRun;
import io.solstice.retrain.event.ScheduleEventReader;
import jakarta.inject.Inject;

/**
 * The retrain trigger as a Funqy function on AWS Lambda. Funqy's Lambda binding hands it the raw
 * invoking event: an EventBridge rule's scheduled event, EventBridge Scheduler's payload, or a
 * direct invoke (see {@link ScheduleEventReader}). It answers with the {@link RetrainOutcome}.
 *
 * <p>Failures are thrown, so that Lambda counts an error (the template's alarm watches that) and
 * retries the asynchronous invoke: a {@link io.solstice.retrain.BadScheduleEventException} for an
 * event of no known shape, a {@link io.solstice.retrain.RetrainException} when Batch or DynamoDB
 * fail. Funqy reports them with error type {@code io.quarkus.funqy.runtime.ApplicationException}
 * and our message; the runtime logs each once, with its stack trace.
 */
public class RetrainFunction {

    private final ScheduleEventReader events;
    private final RetrainTrigger trigger;

    @Inject
    RetrainFunction(ScheduleEventReader events, RetrainTrigger trigger) {
        this.events = events;
        this.trigger = trigger;
    }

    /** Submits the training job of the scheduled run the event names, unless it was submitted. */
    @Funq("retrain")
    public RetrainOutcome retrain(JsonNode event) {
        ScheduledRun run = events.read(event);

        return trigger.trigger(run);
    }
}
