package org.unionhub.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The outbox table, read and marked inside the relay's transaction. */
@ApplicationScoped
public class JpaOutboxStore implements OutboxStore {

    private final EntityManager em;

    public JpaOutboxStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PendingEvent> pending(int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT seq, event_id, topic, event_type, aggregate_id, payload, occurred_at, trace_parent "
                        + "FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?1")
                .setParameter(1, max)
                .getResultList();
        return rows.stream().map(r -> new PendingEvent(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], toInstant(r[6]), (String) r[7])).toList();
    }

    @Override
    public void markSent(List<PendingEvent> events, Instant at) {
        em.createNativeQuery("UPDATE outbox SET sent_at = ?1, attempts = attempts + 1, last_error = NULL WHERE seq = ANY(?2)")
                .setParameter(1, at)
                .setParameter(2, events.stream().map(PendingEvent::seq).toArray(Long[]::new))
                .executeUpdate();
    }

    @Override
    public void recordFailure(PendingEvent event, String error) {
        em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?1 WHERE seq = ?2")
                .setParameter(1, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(2, event.seq())
                .executeUpdate();
    }

    /** Events not yet acknowledged: how many, and when the oldest was written (null when none). */
    public Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), min(occurred_at) FROM outbox WHERE sent_at IS NULL").getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), row[1] == null ? null : toInstant(row[1]));
    }

    public record Backlog(long count, Instant oldest) {
    }

    public int prune(Instant sentBefore) {
        return em.createNativeQuery("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1")
                .setParameter(1, sentBefore)
                .executeUpdate();
    }

    /** Only one replica of a service relays at a time, so events leave in the order they were written. */
    public boolean tryRelayLock() {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(7012345678)").getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("unexpected time type " + value.getClass());
    }
}
