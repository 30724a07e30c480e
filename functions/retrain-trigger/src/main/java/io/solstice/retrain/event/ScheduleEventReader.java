package io.solstice.retrain.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.retrain.BadScheduleEventException;
import io.solstice.retrain.ScheduledRun;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the event that asks for a retraining run. Three shapes are accepted:
 *
 * <ol>
 *   <li>an EventBridge rule's scheduled event: {@code source} {@code aws.events}, {@code time}, and
 *       {@code detail} a JSON object ({@code {}});
 *   <li>EventBridge Scheduler's default payload (a schedule without {@code Input}): {@code source}
 *       {@code aws.scheduler}, {@code time}, and {@code detail} a <em>string</em> holding a JSON
 *       object ({@code "{}"}, sometimes with line breaks around it);
 *   <li>a direct invoke, or a schedule whose {@code Input} replaces the payload: no {@code source},
 *       {@code time} (an ISO-8601 instant that names the run; a Scheduler input can pass {@code
 *       <aws.scheduler.scheduled-time>}) and optionally {@code asOf} (yyyy-MM-dd).
 * </ol>
 *
 * <p>The training window ends at the UTC date of {@code time} unless a direct invoke gives {@code
 * asOf}, e.g. to retrain on historical data. The content of {@code detail} is not used: both shapes
 * are checked only so that a malformed event is reported rather than half-read.
 */
public final class ScheduleEventReader {

    /** {@code source} of an EventBridge rule's event. */
    public static final String EVENTBRIDGE = "aws.events";

    /** {@code source} of EventBridge Scheduler's default payload. */
    public static final String SCHEDULER = "aws.scheduler";

    /** Origin recorded for an event without {@code source}. */
    public static final String DIRECT = "direct";

    private static final String TIME_EXAMPLE = "an ISO-8601 instant like 2024-12-02T03:00:00Z";

    private final ObjectMapper json;

    public ScheduleEventReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads one event.
     *
     * @throws BadScheduleEventException naming the field when the event has none of the shapes
     */
    public ScheduledRun read(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new BadScheduleEventException("(event)", "a JSON object", describe(event));
        }

        String source = source(event);
        Instant time = time(event.get("time"));

        if (DIRECT.equals(source)) {
            return new ScheduledRun(time, asOf(event.get("asOf"), time), source);
        }
        checkDetail(event.get("detail"));
        return new ScheduledRun(time, LocalDate.ofInstant(time, ZoneOffset.UTC), source);
    }

    private static String source(JsonNode event) {
        JsonNode source = event.get("source");
        if (source == null || source.isNull()) {
            return DIRECT;
        }
        if (!source.isTextual()
                || !(EVENTBRIDGE.equals(source.asText()) || SCHEDULER.equals(source.asText()))) {
            throw new BadScheduleEventException(
                    "source",
                    "\"" + EVENTBRIDGE + "\", \"" + SCHEDULER + "\" or no source (direct invoke)",
                    describe(source));
        }
        return source.asText();
    }

    private void checkDetail(JsonNode detail) {
        if (detail == null || detail.isNull() || detail.isObject()) {
            return;
        }
        if (!detail.isTextual()) {
            throw new BadScheduleEventException(
                    "detail", "a JSON object or a string holding one", describe(detail));
        }

        String problem = objectProblem(detail.asText());
        if (problem != null) {
            throw new BadScheduleEventException(
                    "detail", "a string holding a JSON object (" + problem + ")", describe(detail));
        }
    }

    /** Why a string does not hold a JSON object, or null when it does. */
    private String objectProblem(String text) {
        try {
            JsonNode parsed = json.readTree(text);
            return parsed != null && parsed.isObject() ? null : "it holds " + describe(parsed);
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        }
    }

    private static Instant time(JsonNode time) {
        if (time == null || !time.isTextual()) {
            throw new BadScheduleEventException("time", TIME_EXAMPLE, describe(time));
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeParseException e) {
            throw new BadScheduleEventException("time", TIME_EXAMPLE, describe(time));
        }
    }

    private static LocalDate asOf(JsonNode asOf, Instant time) {
        if (asOf == null || asOf.isNull()) {
            return LocalDate.ofInstant(time, ZoneOffset.UTC);
        }
        try {
            if (asOf.isTextual()) {
                return LocalDate.parse(asOf.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new BadScheduleEventException("asOf", "a date like 2011-12-09", describe(asOf));
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
