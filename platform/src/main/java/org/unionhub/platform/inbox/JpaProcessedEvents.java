package org.unionhub.platform.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The {@code processed_event} table: insert-if-absent in the consumer's own transaction, with the trace
 * id of the span handling the record (when tracing is on) so that an event can be followed from the
 * request that wrote it to every consumer that applied it.
 */
@ApplicationScoped
public class JpaProcessedEvents implements ProcessedEvents {

    private final EntityManager em;

    public JpaProcessedEvents(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String consumer, UUID eventId, String eventType) {
        SpanContext span = Span.current().getSpanContext();
        return em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type, trace_id) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, span.isValid() ? span.getTraceId() : null)
                .executeUpdate() == 1;
    }
}
