package org.unionhub.platform.inbox;

import org.unionhub.platform.event.IncomingEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Remembers which events a consumer has applied. */
public interface ProcessedEvents {

    /** Records the event; false when it was already recorded (a redelivery). */
    boolean record(String consumer, UUID eventId, String eventType);

    /**
     * Records a batch of events (distinct ids); returns the ids recorded now, i.e. not seen before.
     * Implementations backed by a database do it in one statement.
     */
    default Set<UUID> recordAll(String consumer, List<IncomingEvent> events) {
        Set<UUID> fresh = new HashSet<>();
        for (IncomingEvent e : events) {
            if (record(consumer, e.id(), e.type())) {
                fresh.add(e.id());
            }
        }
        return fresh;
    }
}
