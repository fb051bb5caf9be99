package org.unionhub.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what the platform's tables no longer need, in batches of {@code unionhub.retention.batch-size}
 * rows (one short transaction each, so neither the relay nor the consumers wait on a long delete):
 * <ul>
 * <li>outbox rows the broker acknowledged more than {@code unionhub.retention.outbox} ago. A dead
 * letter can be replayed only while its outbox row exists (deadletter/DeadLetterReplay), so this is
 * also how long an operator has to replay;</li>
 * <li>inbox rows ({@code processed_event}) older than {@code unionhub.retention.inbox}: keep it at least
 * as long as the outbox's, so that a replayed event still meets its inbox row;</li>
 * <li>Idempotency-Key responses older than {@code unionhub.retention.idempotency}.</li>
 * </ul>
 * Parked and pending outbox rows are never deleted.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    /** What one run deleted. */
    public record Pruned(long outbox, long inbox, long idempotencyKeys) {
    }

    private final EntityManager em;
    private final Duration outbox;
    private final Duration inbox;
    private final Duration idempotency;
    private final int batchSize;
    private final Clock clock;

    public RetentionJob(EntityManager em,
                        @ConfigProperty(name = "unionhub.retention.outbox") Duration outbox,
                        @ConfigProperty(name = "unionhub.retention.inbox") Duration inbox,
                        @ConfigProperty(name = "unionhub.retention.idempotency") Duration idempotency,
                        @ConfigProperty(name = "unionhub.retention.batch-size", defaultValue = "5000") int batchSize) {
        this.em = em;
        this.outbox = outbox;
        this.inbox = inbox;
        this.idempotency = idempotency;
        this.batchSize = batchSize;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(every = "${unionhub.retention.every:1h}", delayed = "${unionhub.retention.first-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "unionhub-retention")
    void scheduled() {
        try {
            Pruned p = prune();
            if (p.outbox() + p.inbox() + p.idempotencyKeys() > 0) {
                LOG.infof("retention: deleted %d published outbox rows, %d inbox rows, %d idempotency keys",
                        p.outbox(), p.inbox(), p.idempotencyKeys());
            }
        } catch (RuntimeException e) {
            LOG.warnf("retention: %s; trying again at the next run", e.getMessage());
        }
    }

    /** Deletes everything past its retention now. */
    public Pruned prune() {
        Instant now = clock.instant();
        long o = inBatches("DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1 LIMIT ?2)",
                now.minus(outbox));
        long i = inBatches("DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event WHERE processed_at < ?1 LIMIT ?2)",
                now.minus(inbox));
        long k = inBatches("DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key WHERE created_at < ?1 LIMIT ?2)",
                now.minus(idempotency));
        return new Pruned(o, i, k);
    }

    private long inBatches(String sql, Instant before) {
        long total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter(1, before).setParameter(2, batchSize).executeUpdate());
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }
}
