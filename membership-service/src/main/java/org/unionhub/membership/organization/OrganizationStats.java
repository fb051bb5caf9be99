package org.unionhub.membership.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Counts over an organization's whole subtree (members carry their organization's path). */
@ApplicationScoped
public class OrganizationStats {

    public record Stats(UUID organizationId, long activeMembers, Map<String, Long> activeMembersByEmploymentForm,
                        long cardsIssued, long cardsValid) {
    }

    private final EntityManager em;

    public OrganizationStats(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Stats of(Organization o, List<String> employmentForms) {
        Map<String, Long> byForm = new LinkedHashMap<>();
        employmentForms.forEach(f -> byForm.put(f, 0L));
        List<Object[]> rows = em.createNativeQuery("SELECT employment_form, count(*) FROM member "
                        + "WHERE status = 'ACTIVE' AND organization_path LIKE ?1 GROUP BY employment_form")
                .setParameter(1, o.path + "%").getResultList();
        long total = 0;
        for (Object[] r : rows) {
            long n = ((Number) r[1]).longValue();
            byForm.put((String) r[0], n);
            total += n;
        }
        Object[] cards = (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE c.status = 'VALID') "
                        + "FROM card c JOIN member m ON m.id = c.member_id WHERE m.organization_path LIKE ?1")
                .setParameter(1, o.path + "%").getSingleResult();
        return new Stats(o.id, total, byForm, ((Number) cards[0]).longValue(), ((Number) cards[1]).longValue());
    }
}
