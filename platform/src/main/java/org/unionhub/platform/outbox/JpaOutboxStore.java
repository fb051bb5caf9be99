package org.unionhub.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The outbox table, read and marked inside the relay's transaction. */
@ApplicationScoped
public class JpaOutboxStore implements OutboxStore {

    private final EntityManager em;
    private final int maxAttempts;

    /**
     * @param maxAttempts how many times the broker may refuse a row (a permanent refusal, not a timeout)
     *                    before it is parked
     */
    public JpaOutboxStore(EntityManager em,
                          @ConfigProperty(name = "unionhub.outbox.max-attempts", defaultValue = "10") int maxAttempts) {
        this.em = em;
        this.maxAttempts = maxAttempts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PendingEvent> pending(int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT o.seq, o.event_id, o.topic, o.event_type, o.aggregate_id, o.payload, o.occurred_at, o.trace_parent "
                        + "FROM outbox o WHERE o.sent_at IS NULL AND o.parked_at IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.parked_at IS NOT NULL AND p.sent_at IS NULL "
                        + "  AND p.topic = o.topic AND p.aggregate_id = o.aggregate_id AND p.seq < o.seq) "
                        + "ORDER BY o.seq LIMIT ?1")
                .setParameter(1, max)
                .getResultList();
        return rows.stream().map(r -> new PendingEvent(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], toInstant(r[6]), (String) r[7])).toList();
    }

    @Override
    public void markSent(List<PendingEvent> events, Instant at) {
        // one statement for the whole batch
        em.createNativeQuery("UPDATE outbox SET sent_at = ?1, attempts = attempts + 1, last_error = NULL WHERE seq = ANY(?2)")
                .setParameter(1, at)
                .setParameter(2, events.stream().map(PendingEvent::seq).toArray(Long[]::new))
                .executeUpdate();
    }

    @Override
    public boolean recordFailure(PendingEvent event, String error, boolean permanent) {
        Object parked = em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?1, "
                        + "parked_at = CASE WHEN ?2 AND attempts + 1 >= ?3 THEN now() END WHERE seq = ?4 "
                        + "RETURNING parked_at IS NOT NULL")
                .setParameter(1, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(2, permanent)
                .setParameter(3, maxAttempts)
                .setParameter(4, event.seq())
                .getSingleResult();
        return Boolean.TRUE.equals(parked);
    }

    /** Events not yet acknowledged (parked ones apart): how many, and when the oldest was written (null when none). */
    public Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE parked_at IS NULL), "
                + "min(occurred_at) FILTER (WHERE parked_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL) "
                + "FROM outbox WHERE sent_at IS NULL").getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), row[1] == null ? null : toInstant(row[1]), ((Number) row[2]).longValue());
    }

    /** @param parked rows the relay set aside after repeated refusals; they wait for an operator */
    public record Backlog(long count, Instant oldest, long parked) {
    }

    /** A parked row, as an operator sees it (the payload stays in the table: it may name a person). */
    public record Parked(UUID eventId, String topic, String type, String aggregateId, int attempts, String lastError,
                         Instant parkedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<Parked> parked(int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, topic, event_type, aggregate_id, attempts, last_error, parked_at "
                        + "FROM outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL ORDER BY seq LIMIT ?1")
                .setParameter(1, max).getResultList();
        return rows.stream().map(r -> new Parked((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], toInstant(r[6]))).toList();
    }

    /**
     * Puts parked rows back in line with a fresh count of attempts; the relay sends them, and the rows of
     * their keys that waited behind them, in their order.
     *
     * @param eventId one row, or null for every parked row
     * @return how many rows were unparked
     */
    public int unpark(UUID eventId) {
        return em.createNativeQuery("UPDATE outbox SET parked_at = NULL, attempts = 0 "
                        + "WHERE parked_at IS NOT NULL AND sent_at IS NULL AND (CAST(?1 AS uuid) IS NULL OR event_id = CAST(?1 AS uuid))")
                .setParameter(1, eventId == null ? null : eventId.toString())
                .executeUpdate();
    }

    /** The row the relay wrote for an event: what a dead letter must match to be replayed. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<PendingEvent> find(UUID eventId) {
        List<Object[]> rows = em.createNativeQuery("SELECT seq, event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent "
                        + "FROM outbox WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList();
        return rows.stream().findFirst().map(r -> new PendingEvent(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], toInstant(r[6]), (String) r[7]));
    }

    /** Only one replica of a service relays at a time, so events leave in the order they were written. */
    public boolean tryRelayLock() {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(7012345678)").getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("unexpected time type " + value.getClass());
    }
}
