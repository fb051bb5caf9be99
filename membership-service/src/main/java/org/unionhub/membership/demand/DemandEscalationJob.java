package org.unionhub.membership.demand;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.time.BusinessClock;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Hands overdue demands to the organization above, every {@code unionhub.membership.demand.escalation-every}
 * ({@code off} disables it; the tests call {@link Demands#escalateOverdue} with an explicit time instead).
 */
@ApplicationScoped
public class DemandEscalationJob {

    private static final Logger LOG = Logger.getLogger(DemandEscalationJob.class);
    private static final int MAX_BATCHES_PER_RUN = 20;

    @Inject
    Demands demands;
    @Inject
    BusinessClock clock;

    @Scheduled(identity = "demand-escalation", every = "${unionhub.membership.demand.escalation-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.now();
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int n = demands.escalateOverdue(now);
            total += n;
            if (n < Demands.ESCALATION_BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("escalated %d overdue demands to the organization above", total);
        }
    }
}
