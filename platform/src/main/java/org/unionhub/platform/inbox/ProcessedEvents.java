package org.unionhub.platform.inbox;

import java.util.UUID;

/** Remembers which events a consumer has applied. */
public interface ProcessedEvents {

    /** Records the event; false when it was already recorded (a redelivery). */
    boolean record(String consumer, UUID eventId, String eventType);
}
