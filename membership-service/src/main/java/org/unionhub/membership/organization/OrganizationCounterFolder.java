package org.unionhub.membership.organization;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Folds the per-organization changes the triggers append (organization_count_delta) into the subtree totals of
 * the organization and each of its ancestors. One folder at a time (a transaction-scoped advisory lock), so the
 * totals have a single writer and the joins that append changes never wait on each other or on this job.
 * Every {@code unionhub.membership.counters.fold-every} ({@code off} disables it; readers stay exact either way,
 * they add what is not folded yet).
 */
@ApplicationScoped
public class OrganizationCounterFolder {

    static final int BATCH = 10_000;

    private static final String FOLD = """
            WITH taken AS (
                DELETE FROM organization_count_delta
                WHERE id IN (SELECT id FROM organization_count_delta ORDER BY id LIMIT ?1)
                RETURNING organization_path, employment_form, active_members, cards_issued, cards_valid),
            per_ancestor AS (
                SELECT a.id::uuid AS organization_id, t.employment_form,
                       sum(t.active_members) AS active_members, sum(t.cards_issued) AS cards_issued,
                       sum(t.cards_valid) AS cards_valid
                FROM taken t CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM t.organization_path), '/')) AS a(id)
                GROUP BY 1, 2),
            members AS (
                INSERT INTO organization_count (organization_id, employment_form, active_members)
                SELECT organization_id, employment_form, active_members FROM per_ancestor WHERE employment_form IS NOT NULL
                ON CONFLICT (organization_id, employment_form)
                DO UPDATE SET active_members = organization_count.active_members + excluded.active_members
                RETURNING 1),
            cards AS (
                INSERT INTO organization_card_count (organization_id, cards_issued, cards_valid)
                SELECT organization_id, sum(cards_issued), sum(cards_valid) FROM per_ancestor GROUP BY organization_id
                HAVING sum(cards_issued) <> 0 OR sum(cards_valid) <> 0
                ON CONFLICT (organization_id)
                DO UPDATE SET cards_issued = organization_card_count.cards_issued + excluded.cards_issued,
                              cards_valid = organization_card_count.cards_valid + excluded.cards_valid
                RETURNING 1)
            SELECT (SELECT count(*) FROM taken)""";

    @Inject
    EntityManager em;

    @Scheduled(identity = "organization-counters", every = "${unionhub.membership.counters.fold-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (foldBatch() == BATCH) {
            // a backlog (after an import): keep folding until it is gone
        }
    }

    /** Folds up to {@link #BATCH} changes; 0 when another instance is folding. */
    @Transactional
    public int foldBatch() {
        Boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('organization-counters'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        return ((Number) em.createNativeQuery(FOLD).setParameter(1, BATCH).getSingleResult()).intValue();
    }
}
