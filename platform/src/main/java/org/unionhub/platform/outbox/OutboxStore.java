package org.unionhub.platform.outbox;

import java.time.Instant;
import java.util.List;

/** Where the relay finds pending events and records what the broker acknowledged. */
public interface OutboxStore {

    /** The oldest pending events, in the order they were written. */
    List<PendingEvent> pending(int max);

    void markSent(List<PendingEvent> events, Instant at);

    void recordFailure(PendingEvent event, String error);
}
