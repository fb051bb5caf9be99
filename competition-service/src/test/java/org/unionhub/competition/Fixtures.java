package org.unionhub.competition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data straight into the database where going through Kafka would only be slower. */
@ApplicationScoped
public class Fixtures {

    private final EntityManager em;

    public Fixtures(EntityManager em) {
        this.em = em;
    }

    /** Active members as membership's events would have projected them. */
    @Transactional
    public List<UUID> activeMembers(int count, String namePrefix) {
        UUID org = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MemberView m = new MemberView();
            m.id = UUID.randomUUID();
            m.name = namePrefix + (i + 1);
            m.status = MemberView.ACTIVE;
            m.organizationId = org;
            m.organizationPath = "/" + org + "/";
            m.employmentForm = "EMPLOYEE";
            m.updatedAt = Instant.now();
            m.persist();
            ids.add(m.id);
        }
        return ids;
    }

    /** An organization of the projected union tree, below {@code parent} (null for a root). */
    @Transactional
    public UUID organization(UUID parent, String name) {
        OrganizationView o = new OrganizationView();
        o.id = UUID.randomUUID();
        o.name = name;
        o.type = "UNION";
        o.parentId = parent;
        o.path = (parent == null ? "/" : OrganizationView.<OrganizationView>findById(parent).path) + o.id + "/";
        o.updatedAt = Instant.now();
        o.persist();
        return o.id;
    }

    /** An active member of a projected organization. */
    @Transactional
    public UUID activeMemberOf(UUID organization, String name) {
        MemberView m = new MemberView();
        m.id = UUID.randomUUID();
        m.name = name;
        m.status = MemberView.ACTIVE;
        m.organizationId = organization;
        m.organizationPath = OrganizationView.<OrganizationView>findById(organization).path;
        m.employmentForm = "EMPLOYEE";
        m.updatedAt = Instant.now();
        m.persist();
        return m.id;
    }

    /** Rows of one competition in one of its tables (judge, team, score_history, mark_confirmation, award...). */
    @Transactional
    public long rows(String table, UUID competitionId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE competition_id = ?1")
                .setParameter(1, competitionId).getSingleResult()).longValue();
    }

    @Transactional
    public long disqualified(UUID competitionId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM contestant WHERE competition_id = ?1 AND disqualified_reason IS NOT NULL")
                .setParameter(1, competitionId).getSingleResult()).longValue();
    }

    @Transactional
    public void setStatus(UUID memberId, String status) {
        MemberView m = MemberView.findById(memberId);
        m.status = status;
    }

    @Transactional
    public UUID organizationOf(UUID memberId) {
        return MemberView.<MemberView>findById(memberId).organizationId;
    }

    @Transactional
    public UUID organizationOfOrNull(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        return m == null ? null : m.organizationId;
    }

    @Transactional
    public String statusOf(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        return m == null ? null : m.status;
    }

    /** Outbox rows of one competition and event type: what will reach (or reached) Kafka. */
    @Transactional
    public long outboxCount(UUID competitionId, String type) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2")
                .setParameter(1, competitionId.toString()).setParameter(2, type).getSingleResult()).longValue();
    }
}
