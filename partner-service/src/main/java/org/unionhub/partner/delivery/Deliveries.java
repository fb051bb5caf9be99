package org.unionhub.partner.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.unionhub.partner.subscription.Subscription;
import org.unionhub.partner.subscription.SubscriptionEvents;
import org.unionhub.platform.time.BusinessClock;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The delivery table: queueing, claiming due deliveries in order per key, and recording outcomes. */
@ApplicationScoped
public class Deliveries {

    /** A claimed delivery, ready to send. */
    public record Claimed(UUID id, UUID subscriptionId, UUID eventId, String body, String url) {
    }

    /** A row the claim returns: the delivery and its place in the queue. */
    private record ClaimedRow(Claimed delivery, long seq) {
        static ClaimedRow of(Tuple t) {
            return new ClaimedRow(new Claimed(t.get("id", UUID.class), t.get("subscription_id", UUID.class),
                    t.get("event_id", UUID.class), t.get("body", String.class), t.get("url", String.class)),
                    t.get("seq", Number.class).longValue());
        }
    }

    /** What one attempt gave: an HTTP status (0 when no answer) and an error text for failures. */
    public record Outcome(UUID deliveryId, boolean success, int httpStatus, String error) {
    }

    private final EntityManager em;
    private final RetrySchedule schedule;
    private final int pauseAfterFailures;
    private final Duration pauseAfter;
    private final Duration lease;
    private final SubscriptionEvents events;
    private final BusinessClock clock;

    public Deliveries(EntityManager em, SubscriptionEvents events, BusinessClock clock,
                      @ConfigProperty(name = "partner.delivery.retry.base") Duration base,
                      @ConfigProperty(name = "partner.delivery.retry.max-delay") Duration maxDelay,
                      @ConfigProperty(name = "partner.delivery.retry.give-up-after") Duration giveUpAfter,
                      @ConfigProperty(name = "partner.delivery.pause.after-failures") int pauseAfterFailures,
                      @ConfigProperty(name = "partner.delivery.pause.after") Duration pauseAfter,
                      @ConfigProperty(name = "partner.delivery.timeout") Duration timeout) {
        this.em = em;
        this.events = events;
        this.clock = clock;
        this.schedule = new RetrySchedule(base, maxDelay, giveUpAfter);
        this.pauseAfterFailures = pauseAfterFailures;
        this.pauseAfter = pauseAfter;
        // a claim outlives one request comfortably; after it a crashed sender's delivery is claimed again
        this.lease = timeout.multipliedBy(2).plusSeconds(30);
    }

    /** Queues an event for a subscription (once: a redelivered event finds its row). In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID subscriptionId, UUID eventId, String eventType, String aggregateKey, String body,
                        Instant occurredAt, UUID replayId) {
        Instant now = clock.now();
        em.createNativeQuery("INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_key, body, occurred_at, "
                        + "status, attempts, next_attempt_at, created_at, replay_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, ?8, ?9) "
                        + "ON CONFLICT (subscription_id, event_id) WHERE replay_id IS NULL DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, subscriptionId)
                .setParameter(3, eventId)
                .setParameter(4, eventType)
                .setParameter(5, aggregateKey)
                .setParameter(6, body)
                .setParameter(7, occurredAt)
                .setParameter(8, now)
                .setParameter(9, replayId)
                .executeUpdate();
    }

    /**
     * Claims up to {@code max} due deliveries of active subscriptions: each the oldest unfinished one of its
     * aggregate key in its subscription, so a key's next delivery waits for the previous one to be delivered or dead.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int max) {
        Instant now = clock.now();
        // The heads first: per subscription and key, the oldest unfinished delivery (DISTINCT ON along the partial
        // index delivery_key), then the due heads of active subscriptions, locked. A correlated NOT EXISTS per
        // candidate did the same but took 3 s per claim in the service at 5,000 waiting deliveries (pg_stat_activity;
        // 33 ms with literals in psql): the prepared statement's plan depended on the planner's estimates of a table
        // just filled. This form is one ordered pass over the open rows whatever the estimates.
        List<Tuple> rows = em.createNativeQuery("""
                        WITH heads AS (
                          SELECT DISTINCT ON (subscription_id, aggregate_key) id, seq, subscription_id, status,
                                 next_attempt_at, lease_until
                          FROM delivery WHERE status IN ('PENDING', 'SENDING')
                          ORDER BY subscription_id, aggregate_key, seq),
                        due AS (
                          SELECT d.id FROM delivery d
                          WHERE d.id IN (SELECT h.id FROM heads h JOIN subscription s ON s.id = h.subscription_id
                                         WHERE s.status = 'ACTIVE' AND h.next_attempt_at <= ?2
                                           AND (h.status = 'PENDING' OR h.lease_until < ?2)
                                         ORDER BY h.seq LIMIT ?1)
                            AND d.next_attempt_at <= ?2
                            AND (d.status = 'PENDING' OR (d.status = 'SENDING' AND d.lease_until < ?2))
                          FOR UPDATE OF d SKIP LOCKED)
                        UPDATE delivery d SET status = 'SENDING', lease_until = ?3
                        FROM due, subscription s WHERE d.id = due.id AND s.id = d.subscription_id
                        RETURNING d.id, d.subscription_id, d.event_id, d.body, s.url, d.seq""", Tuple.class)
                .setParameter(1, max)
                .setParameter(2, now)
                .setParameter(3, now.plus(lease))
                .getResultList();
        return rows.stream().map(ClaimedRow::of)
                .sorted(Comparator.comparingLong(ClaimedRow::seq))
                .map(ClaimedRow::delivery)
                .toList();
    }

    /**
     * Records many outcomes in one transaction: the successes in one statement, the failures one by one (each
     * schedules its retry and may pause its subscription). A transaction per answer capped the sender at 94
     * deliveries/s on the benchmark machine (docs/performance.md "Webhook deliveries").
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAll(List<Outcome> outcomes) {
        List<Outcome> succeeded = outcomes.stream().filter(Outcome::success).toList();
        if (!succeeded.isEmpty()) {
            UUID[] ids = succeeded.stream().map(Outcome::deliveryId).toArray(UUID[]::new);
            Integer[] statuses = succeeded.stream().map(o -> o.httpStatus() == 0 ? null : o.httpStatus()).toArray(Integer[]::new);
            OffsetDateTime now = clock.nowUtc();
            em.unwrap(Session.class).doWork(c -> {
                // only rows still SENDING: a lease that expired meanwhile gave the delivery to another attempt
                try (PreparedStatement st = c.prepareStatement("""
                        WITH done AS (
                          UPDATE delivery d SET status = 'DELIVERED', delivered_at = ?, attempts = d.attempts + 1,
                                 last_status = u.status, last_error = NULL, lease_until = NULL
                          FROM unnest(?::uuid[], ?::int[]) AS u(id, status)
                          WHERE d.id = u.id AND d.status = 'SENDING'
                          RETURNING d.subscription_id)
                        UPDATE subscription s SET consecutive_failures = 0, failing_since = NULL
                        WHERE s.id IN (SELECT subscription_id FROM done) AND s.consecutive_failures > 0""")) {
                    st.setObject(1, now);
                    st.setArray(2, c.createArrayOf("uuid", ids));
                    st.setArray(3, c.createArrayOf("int4", statuses));
                    st.executeUpdate();
                }
            });
        }
        for (Outcome o : outcomes) {
            if (!o.success()) {
                recordFailure(o);
            }
        }
    }

    /** One failed attempt: schedules the retry or gives up, and pauses an endpoint that keeps failing. */
    private void recordFailure(Outcome o) {
        Delivery d = Delivery.findById(o.deliveryId());
        if (d == null || !Delivery.SENDING.equals(d.status)) {
            return; // the subscription was deleted meanwhile, or a lease expired and another attempt took over
        }
        Instant now = clock.now();
        d.attempts++;
        d.lastStatus = o.httpStatus() == 0 ? null : o.httpStatus();
        d.leaseUntil = null;
        Subscription s = Subscription.findById(d.subscriptionId);
        d.lastError = o.error() == null ? null : o.error().length() > 500 ? o.error().substring(0, 500) : o.error();
        Instant next = schedule.next(d.attempts, d.createdAt, now, () -> ThreadLocalRandom.current().nextDouble());
        if (next == null) {
            d.status = Delivery.DEAD;
        } else {
            d.status = Delivery.PENDING;
            d.nextAttemptAt = next;
        }
        if (s == null) {
            return;
        }
        s.consecutiveFailures++;
        if (s.failingSince == null) {
            s.failingSince = now;
        }
        if (Subscription.ACTIVE.equals(s.status)
                && (s.consecutiveFailures >= pauseAfterFailures || !now.isBefore(s.failingSince.plus(pauseAfter)))) {
            s.status = Subscription.PAUSED;
            s.pausedAt = now;
            s.notice = "paused at " + now + " after " + s.consecutiveFailures + " consecutive failed deliveries since "
                    + s.failingSince + " (last: " + (o.httpStatus() == 0 ? d.lastError : "HTTP " + o.httpStatus())
                    + "); fix the endpoint and resume the subscription: deliveries wait, none is lost";
            events.paused(s);
        }
    }

    /** Replays a time range: every event the subscription received with occurred_at in [from, to) is queued again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replay(UUID subscriptionId, Instant from, Instant to, UUID replayId) {
        return em.createNativeQuery("""
                        INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_key, body, occurred_at,
                                              status, attempts, next_attempt_at, created_at, replay_id)
                        SELECT gen_random_uuid(), subscription_id, event_id, event_type, aggregate_key, body, occurred_at,
                               'PENDING', 0, ?4, ?4, ?5
                        FROM (SELECT DISTINCT ON (event_id) * FROM delivery
                              WHERE subscription_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3
                              ORDER BY event_id, seq) first
                        ORDER BY seq""")
                .setParameter(1, subscriptionId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, clock.now())
                .setParameter(5, replayId)
                .executeUpdate();
    }
}
