package org.unionhub.platform.outbox;

import java.time.Instant;
import java.util.List;

/** Where the relay finds pending events and records what the broker acknowledged. */
public interface OutboxStore {

    /**
     * The oldest pending events, in the order they were written, leaving out parked rows and the rows
     * of a key (topic and aggregate) that has a parked row ahead of them: those wait so that the
     * key's order holds.
     */
    List<PendingEvent> pending(int max);

    void markSent(List<PendingEvent> events, Instant at);

    /**
     * @param permanent the broker refused the event itself (not a timeout or an unreachable broker)
     * @return whether the row is now parked: refused permanently as many times as the store allows
     */
    boolean recordFailure(PendingEvent event, String error, boolean permanent);
}
