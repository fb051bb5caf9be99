package org.unionhub.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an integration event in the same transaction as the change it announces. The relay
 * publishes it after the commit; if the transaction rolls back, the event never existed.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when an event was written; the relay wakes after the commit instead of polling. */
    public record Written() {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<Written> written;

    public Outbox(EntityManager em, ObjectMapper json, Event<Written> written) {
        this.em = em;
        this.json = json;
        this.written = written;
    }

    /**
     * @param topic       e.g. {@code membership.member.v1}
     * @param type        e.g. {@code org.unionhub.membership.member.joined.v1}
     * @param aggregateId the record key and the CloudEvent subject: events of one aggregate stay in order
     * @param data        a record serialised as the event's JSON data
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, Object aggregateId, Object data) {
        UUID eventId = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " cannot be serialised", e);
        }
        em.createNativeQuery("INSERT INTO outbox (event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, type)
                .setParameter(4, String.valueOf(aggregateId))
                .setParameter(5, payload)
                .setParameter(6, Instant.now())
                .setParameter(7, currentTraceParent())
                .executeUpdate();
        written.fire(new Written());
        return eventId;
    }

    /** W3C traceparent of the current span, when tracing is on; consumers continue the trace from it. */
    static String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
