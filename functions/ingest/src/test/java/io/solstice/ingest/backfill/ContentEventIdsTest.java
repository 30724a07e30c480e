package io.solstice.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentEventIdsTest {

    @Test
    void givenTheSameRowsInAnotherOrder_whenKeyed_thenTheIdsAreTheSame() {
        // given
        List<Interaction> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row("536365", "item-" + (i % 20), i % 3));
        }
        List<Interaction> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(7));

        // when
        List<String> ids = ids(rows);
        List<String> shuffledIds = ids(shuffled);

        // then
        assertThat(shuffledIds).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    }

    @Test
    void givenRepeatedLines_whenKeyed_thenCopiesAreNumberedFromTwo() {
        // given
        Interaction line = row("536365", "85123A", 6);

        // when
        List<String> ids = ids(List.of(line, line, row("536366", "85123A", 6), line));

        // then
        assertThat(ids.get(0)).matches("tx-[0-9a-f]{32}");
        assertThat(ids.get(1)).isEqualTo(ids.get(0) + "-2");
        assertThat(ids.get(2)).doesNotStartWith(ids.get(0));
        assertThat(ids.get(3)).isEqualTo(ids.get(0) + "-3");
    }

    @Test
    void givenTheSameInstantWithAnotherOffset_whenKeyed_thenTheIdIsTheSame() {
        // given
        Interaction utc = row("536365", "85123A", 6);
        Interaction paris =
                withTime(utc, utc.occurredAt().withOffsetSameInstant(ZoneOffset.ofHours(1)));

        // then
        assertThat(new ContentEventIds().idFor(paris)).isEqualTo(new ContentEventIds().idFor(utc));
    }

    private static List<String> ids(List<Interaction> rows) {
        ContentEventIds ids = new ContentEventIds();
        return rows.stream().map(ids::idFor).toList();
    }

    private static Interaction row(String order, String item, int quantity) {
        return new Interaction(
                order + "-1",
                InteractionType.PURCHASE,
                "17850",
                item,
                quantity,
                2.55,
                OffsetDateTime.parse("2010-12-01T08:26:00Z"),
                "United Kingdom",
                order);
    }

    private static Interaction withTime(Interaction row, OffsetDateTime at) {
        return new Interaction(
                row.eventId(),
                row.type(),
                row.userId(),
                row.itemId(),
                row.quantity(),
                row.unitPrice(),
                at,
                row.country(),
                row.orderId());
    }
}
