package org.unionhub.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.unionhub.platform.event.IncomingEvent;

import java.util.function.Consumer;

/**
 * Applies an incoming event exactly once in effect: the event id is recorded in the same
 * transaction as the change it causes, so a redelivered event finds its id and changes nothing.
 * Call it inside the consumer's transaction.
 */
@ApplicationScoped
public class Inbox {

    private final ProcessedEvents processed;

    public Inbox(ProcessedEvents processed) {
        this.processed = processed;
    }

    /** @return true when the event was applied now, false when it had been applied before */
    public boolean once(String consumer, IncomingEvent event, Consumer<IncomingEvent> apply) {
        if (!processed.record(consumer, event.id(), event.type())) {
            return false;
        }
        apply.accept(event);
        return true;
    }
}
