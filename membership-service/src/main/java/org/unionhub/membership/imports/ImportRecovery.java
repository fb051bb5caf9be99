package org.unionhub.membership.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Resumes the jobs a stopped process left QUEUED or RUNNING (kill -9, a crash, a rolling restart): at start and
 * then every {@code unionhub.import.recover-every}. A job that another live replica runs is left alone (it holds
 * the job's advisory lock); a resumed job continues after its last committed chunk.
 */
@ApplicationScoped
public class ImportRecovery {

    private static final Logger LOG = Logger.getLogger(ImportRecovery.class);

    @Inject
    MemberImportJob jobs;
    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent ignored) {
        try {
            recover();
        } catch (RuntimeException e) {
            LOG.warnf("member imports not resumed at start (%s); the next sweep tries again", e.getMessage());
        }
    }

    @Scheduled(every = "${unionhub.import.recover-every:1m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        recover();
    }

    /** @return how many unfinished jobs were handed to a worker */
    public int recover() {
        @SuppressWarnings("unchecked")
        List<UUID> unfinished = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM member_import WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at", UUID.class).getResultList());
        int resumed = 0;
        for (UUID id : unfinished) {
            if (jobs.resume(id)) {
                resumed++;
            }
        }
        if (resumed > 0) {
            LOG.infof("resumed %d unfinished member import(s)", resumed);
        }
        return resumed;
    }
}
