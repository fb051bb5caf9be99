package org.unionhub.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.unionhub.platform.event.IncomingEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    /**
     * The events of a batch not applied before, in their order: one insert for the whole batch. An id
     * that occurs twice in the batch counts once (its first occurrence).
     */
    public List<IncomingEvent> firstTime(String consumer, List<IncomingEvent> events) {
        Map<UUID, IncomingEvent> distinct = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            distinct.putIfAbsent(e.id(), e);
        }
        if (distinct.isEmpty()) {
            return List.of();
        }
        Set<UUID> fresh = processed.recordAll(consumer, List.copyOf(distinct.values()));
        List<IncomingEvent> result = new ArrayList<>(fresh.size());
        for (IncomingEvent e : distinct.values()) {
            if (fresh.contains(e.id())) {
                result.add(e);
            }
        }
        return result;
    }
}
