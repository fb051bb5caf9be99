package org.unionhub.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** One event of a {@link #publishAll} batch; the arguments mean what they mean for {@link #publish}. */
    public record Message(String topic, String type, Object aggregateId, Object data) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Event<Written> written;

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

    /**
     * Records many events in one statement (bulk writers: an import chunk of 1,000 members), in the caller's
     * transaction, in list order (the relay keeps that order per key), with the current trace context; the relay
     * wakes once after the commit.
     *
     * @return the event ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        int n = messages.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] types = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Message m = messages.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = m.topic();
            types[i] = m.type();
            keys[i] = String.valueOf(m.aggregateId());
            try {
                payloads[i] = json.writeValueAsString(m.data());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event data of " + m.type() + " cannot be serialised", e);
            }
        }
        Timestamp occurredAt = Timestamp.from(Instant.now());
        String traceParent = currentTraceParent();
        // one statement whatever the batch size: five arrays unnested in order (no 32,767-parameter limit, one parse)
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox (event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent) "
                            + "SELECT e, t, y, k, p, ?, ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                            + "WITH ORDINALITY AS x(e, t, y, k, p, n) ORDER BY n")) {
                ps.setTimestamp(1, occurredAt);
                ps.setString(2, traceParent);
                ps.setArray(3, c.createArrayOf("uuid", ids));
                ps.setArray(4, c.createArrayOf("text", topics));
                ps.setArray(5, c.createArrayOf("text", types));
                ps.setArray(6, c.createArrayOf("text", keys));
                ps.setArray(7, c.createArrayOf("text", payloads));
                ps.executeUpdate();
            }
        });
        written.fire(new Written());
        return new ArrayList<>(List.of(ids));
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
