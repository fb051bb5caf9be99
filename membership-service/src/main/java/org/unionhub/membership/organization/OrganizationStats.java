package org.unionhub.membership.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts over an organization's whole subtree, read from the counters the database keeps (migration V40):
 * the subtree totals plus the changes not folded into them yet, in one statement, so the figures are exact
 * at any moment and cost the same for a county as for the nation (docs/scale.md).
 */
@ApplicationScoped
public class OrganizationStats {

    public record Stats(UUID organizationId, long activeMembers, Map<String, Long> activeMembersByEmploymentForm,
                        long cardsIssued, long cardsValid) {
    }

    private static final String COUNTS = """
            SELECT employment_form, sum(active_members), sum(cards_issued), sum(cards_valid) FROM (
                SELECT employment_form, active_members, 0 AS cards_issued, 0 AS cards_valid
                FROM organization_count WHERE organization_id = ?1
                UNION ALL
                SELECT NULL, 0, cards_issued, cards_valid FROM organization_card_count WHERE organization_id = ?1
                UNION ALL
                SELECT employment_form, active_members, cards_issued, cards_valid
                FROM organization_count_delta WHERE organization_path LIKE ?2
            ) counts GROUP BY employment_form""";

    @Inject
    EntityManager em;

    public Stats of(Organization o, List<String> employmentForms) {
        Map<String, Long> byForm = new LinkedHashMap<>();
        employmentForms.forEach(f -> byForm.put(f, 0L));
        long total = 0;
        long cardsIssued = 0;
        long cardsValid = 0;
        List<Tuple> rows = em.unwrap(Session.class).createNativeQuery(COUNTS, Tuple.class)
                .setParameter(1, o.id).setParameter(2, o.path + "%").getResultList();
        for (Tuple r : rows) {
            long active = r.get(1, Number.class).longValue();
            String form = r.get(0, String.class);
            if (form != null) {
                byForm.merge(form, active, Long::sum);
                total += active;
            }
            cardsIssued += r.get(2, Number.class).longValue();
            cardsValid += r.get(3, Number.class).longValue();
        }
        return new Stats(o.id, total, byForm, cardsIssued, cardsValid);
    }
}
