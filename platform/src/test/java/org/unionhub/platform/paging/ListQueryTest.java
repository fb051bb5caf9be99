package org.unionhub.platform.paging;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.paging.ListQuery.Key;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The keyset condition a list query adds after a cursor (the queries themselves run in the services' tests). */
class ListQueryTest {

    private static final UUID ID = UUID.fromString("6f1c2a34-8a52-4b8e-9a57-0f6a8d1e2c3b");

    @Test
    void newestFirstContinuesBelowTheLastRowAndBreaksTiesById() {
        Instant at = Instant.parse("2026-12-31T16:00:00Z");
        Cursor cursor = PageRequest.of(20, PageRequest.encode(at, ID)).cursor(2);
        Map<String, Object> values = new HashMap<>();
        String after = ListQuery.of(Object.class, PageRequest.of(20, null))
                .orderBy(Key.instant("submittedAt").descending(), Key.uuid("id").descending())
                .after(cursor, values);
        assertThat(after).isEqualTo("((submittedAt < :cursor0) OR (submittedAt = :cursor0 AND id < :cursor1))");
        assertThat(values).containsEntry("cursor0", at).containsEntry("cursor1", ID);
    }

    @Test
    void eachKeyKeepsItsOwnDirectionAndType() {
        LocalDate startsOn = LocalDate.parse("2026-05-01");
        Cursor cursor = PageRequest.of(20, PageRequest.encode(startsOn, ID)).cursor(2);
        Map<String, Object> values = new HashMap<>();
        String after = ListQuery.of(Object.class, PageRequest.of(20, null))
                .orderBy(Key.date("startsOn").descending(), Key.uuid("id"))
                .after(cursor, values);
        assertThat(after).isEqualTo("((startsOn < :cursor0) OR (startsOn = :cursor0 AND id > :cursor1))");
        assertThat(values).containsEntry("cursor0", startsOn).containsEntry("cursor1", ID);
    }

    @Test
    void aSingleKeyIsASingleComparison() {
        Cursor cursor = PageRequest.of(20, PageRequest.encode(41L)).cursor(1);
        Map<String, Object> values = new HashMap<>();
        String after = ListQuery.of(Object.class, PageRequest.of(20, null)).orderBy(Key.number("seq").descending()).after(cursor, values);
        assertThat(after).isEqualTo("((seq < :cursor0))");
        assertThat(values).containsEntry("cursor0", 41L);
    }
}
