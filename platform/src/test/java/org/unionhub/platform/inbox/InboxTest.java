package org.unionhub.platform.inbox;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.event.IncomingEvent;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTest {

    final Set<String> table = new HashSet<>();
    final Inbox inbox = new Inbox((consumer, id, type) -> table.add(consumer + "|" + id));

    static IncomingEvent event(UUID id) {
        return new IncomingEvent(id, "org.unionhub.membership.member.joined.v1", "/unionhub/membership", "m1",
                OffsetDateTime.parse("2023-02-20T08:00:00Z"), null);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        AtomicInteger applied = new AtomicInteger();
        UUID id = UUID.randomUUID();
        assertThat(inbox.once("venue", event(id), e -> applied.incrementAndGet())).isTrue();
        assertThat(inbox.once("venue", event(id), e -> applied.incrementAndGet())).isFalse();
        assertThat(applied).hasValue(1);
    }

    @Test
    void eachConsumerAppliesTheSameEventOnce() {
        AtomicInteger applied = new AtomicInteger();
        UUID id = UUID.randomUUID();
        inbox.once("venue", event(id), e -> applied.incrementAndGet());
        inbox.once("assistance", event(id), e -> applied.incrementAndGet());
        assertThat(applied).hasValue(2);
    }

    @Test
    void typeMatchingIgnoresTheMajorVersionOnlyWhenAsked() {
        assertThat(event(UUID.randomUUID()).is("org.unionhub.membership.member.joined")).isTrue();
        assertThat(event(UUID.randomUUID()).is("org.unionhub.membership.member.join")).isFalse();
    }
}
