package org.unionhub.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row not yet acknowledged by the broker. */
public record PendingEvent(long seq, UUID eventId, String topic, String type, String aggregateId,
                           String payload, Instant occurredAt, String traceParent) {
}
