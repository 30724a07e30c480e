package io.solstice.store.dynamodb;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.OffsetDateTime;

/** Test events. */
final class Events {

    static final OffsetDateTime START = OffsetDateTime.parse("2011-12-01T09:00:00+01:00");

    private Events() {}

    static Interaction purchase(String eventId, String userId, OffsetDateTime at) {
        return new Interaction(
                eventId,
                InteractionType.PURCHASE,
                userId,
                "85123A",
                6,
                2.55,
                at,
                "United Kingdom",
                "536365");
    }

    static Interaction guestView(String eventId, OffsetDateTime at) {
        return new Interaction(
                eventId, InteractionType.VIEW, null, "22752", 1, 7.65, at, null, null);
    }
}
