package org.unionhub.membership.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.retention.RetentionJob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 5: published outbox rows, inbox rows and Idempotency-Key responses go after their retention
 * (defaults P7D, P14D, P1D); recent ones, and unsent or parked outbox rows however old, stay.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionJob retention;
    @Inject
    EntityManager em;

    void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue());
    }

    UUID outboxRow(String topic, Instant occurred, Instant sent, Instant parked) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO outbox (event_id, topic, event_type, aggregate_id, payload, occurred_at, sent_at, parked_at) "
                + "VALUES (?1, ?2, 'org.unionhub.membership.retention.tested.v1', 'k', '{}', ?3, ?4, ?5)", id, topic, occurred,
                sent == null ? null : sent, parked);
        return id;
    }

    @Test
    void oldRowsGoRecentOnesAndUnsentOnesStay() {
        Instant now = Instant.now();
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        Instant twentyDaysAgo = now.minus(Duration.ofDays(20));
        // a topic nobody consumes; the relay must not send the unsent rows meanwhile: they are parked or stay pending behind a parked one
        String topic = "membership.retention-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        UUID oldSent = outboxRow(topic, tenDaysAgo, tenDaysAgo, null);
        UUID recentSent = outboxRow(topic, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)), null);
        UUID oldParked = outboxRow(topic, twentyDaysAgo, null, twentyDaysAgo);

        String consumer = "retention-test-" + UUID.randomUUID();
        UUID oldProcessed = UUID.randomUUID();
        UUID recentProcessed = UUID.randomUUID();
        sql("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES (?1, ?2, 't', ?3)", consumer, oldProcessed, twentyDaysAgo);
        sql("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES (?1, ?2, 't', ?3)", consumer, recentProcessed, now.minus(Duration.ofDays(2)));

        String scope = "POST /retention-test " + UUID.randomUUID();
        sql("INSERT INTO idempotency_key (idem_key, scope, request_hash, status, created_at) VALUES ('old', ?1, 'h', 201, ?2)", scope, now.minus(Duration.ofDays(2)));
        sql("INSERT INTO idempotency_key (idem_key, scope, request_hash, status, created_at) VALUES ('recent', ?1, 'h', 201, ?2)", scope, now.minus(Duration.ofHours(2)));

        RetentionJob.Pruned pruned = retention.prune();
        assertThat(pruned.outbox()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.inbox()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.idempotencyKeys()).isGreaterThanOrEqualTo(1);

        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT event_id FROM outbox WHERE topic = ?1")
                .setParameter(1, topic).getResultList())).as("outbox").containsExactlyInAnyOrder(recentSent, oldParked);
        assertThat(oldSent).isNotIn(List.of(recentSent, oldParked));
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT event_id FROM processed_event WHERE consumer = ?1")
                .setParameter(1, consumer).getResultList())).as("inbox").containsExactly(recentProcessed);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT idem_key FROM idempotency_key WHERE scope = ?1")
                .setParameter(1, scope).getResultList())).as("idempotency keys").containsExactly("recent");
        assertThat(count("SELECT count(*) FROM outbox WHERE topic = ?1 AND state = 'PARKED'", topic)).isEqualTo(1);
        sql("DELETE FROM outbox WHERE topic = ?1", topic); // leave no parked row to the other tests
    }
}
