package org.unionhub.platform.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.unionhub.platform.event.IncomingEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code processed_event} table: insert-if-absent in the consumer's own transaction, with the trace
 * id of the span handling the record (when tracing is on) so that an event can be followed from the
 * request that wrote it to every consumer that applied it.
 */
@ApplicationScoped
public class JpaProcessedEvents implements ProcessedEvents {

    @Inject
    EntityManager em;

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

    /** One multi-row insert: {@code unnest} of the ids and types, the conflicting ones skipped, the new ones returned. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> recordAll(String consumer, List<IncomingEvent> events) {
        SpanContext span = Span.current().getSpanContext();
        String current = span.isValid() ? span.getTraceId() : null;
        UUID[] ids = new UUID[events.size()];
        String[] types = new String[events.size()];
        String[] traces = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = events.get(i).id();
            types[i] = events.get(i).type();
            // a batch spans many traces: each row keeps the trace of the request that wrote its event
            traces[i] = events.get(i).traceId() != null ? events.get(i).traceId() : current;
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id, event_type, trace_id) "
                            + "SELECT ?, t.id, t.type, t.trace FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t(id, type, trace) "
                            + "ON CONFLICT DO NOTHING RETURNING event_id")) {
                ps.setString(1, consumer);
                ps.setArray(2, c.createArrayOf("uuid", ids));
                ps.setArray(3, c.createArrayOf("text", types));
                ps.setArray(4, c.createArrayOf("text", traces));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }
}
