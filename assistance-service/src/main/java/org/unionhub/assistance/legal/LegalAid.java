package org.unionhub.assistance.legal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.unionhub.assistance.legal.LegalAidApi.*;

/** Legal aid's use cases: cases opened for members (or anonymous consultations), lawyers assigned, outcomes, yearly figures. */
@ApplicationScoped
public class LegalAid {

    /** Cases opened in a year, of one kind. */
    public record KindCount(String kind, Long cases) {
    }

    /** Cases closed in a year and the money they recovered. */
    public record ClosedCount(Long cases, BigDecimal recovered) {
    }

    @Inject
    EntityManager em;
    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView open(OpenRequest r) {
        String path;
        if (r.memberId() != null) {
            path = access.requireActingFor(r.memberId()).organizationPath;
        } else {
            if (!access.isStaffLike()) {
                throw ProblemException.invalid("memberId", "is required for a member");
            }
            OrganizationView org = access.actor().orgId().map(id -> (OrganizationView) OrganizationView.findById(id)).orElse(null);
            path = org == null ? null : org.path;
        }
        LegalCase c = new LegalCase();
        c.id = UUID.randomUUID();
        c.memberId = r.memberId();
        c.organizationPath = path;
        c.kind = r.kind().name();
        c.claimedAmount = Amounts.of(r.claimedAmount());
        c.description = r.description();
        c.status = LegalCase.OPEN;
        c.openedAt = clock.now();
        c.openedBy = access.actor().subject();
        c.persist();
        CaseView view = CaseView.of(c);
        audit.record("legal-case", c.id, "opened", c.openedBy, path, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView get(UUID id) {
        LegalCase c = find(id, false);
        if (c.memberId == null || !access.actsAsSelf(c.memberId)) {
            requireStaff(c);
        }
        return CaseView.of(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView assign(UUID id, AssignRequest r) {
        return changeOpenCase(id, "assigned", c -> {
            c.lawyer = r.lawyer();
            c.status = LegalCase.ASSIGNED;
            c.assignedAt = clock.now();
            c.assignedBy = access.actor().subject();
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView close(UUID id, CloseRequest r) {
        return changeOpenCase(id, "closed", c -> {
            c.outcome = r.outcome();
            c.recoveredAmount = Amounts.of(r.recoveredAmount());
            c.status = LegalCase.CLOSED;
            c.closedAt = clock.now();
            c.closedBy = access.actor().subject();
        });
    }

    /** A year of the business calendar: cases by the year they opened in, money recovered by the year the case closed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stats stats(int year) {
        Instant from = BusinessClock.startOf(LocalDate.of(year, 1, 1));
        Instant to = BusinessClock.startOf(LocalDate.of(year + 1, 1, 1));
        Optional<UUID> scope = access.listScope();
        String inScope = scope.isPresent() ? " AND c.organizationPath LIKE :scope" : "";
        TypedQuery<KindCount> kinds = em.createQuery("SELECT c.kind, COUNT(c) FROM LegalCase c "
                + "WHERE c.openedAt >= :from AND c.openedAt < :to" + inScope + " GROUP BY c.kind", KindCount.class);
        TypedQuery<ClosedCount> closed = em.createQuery("SELECT COUNT(c), SUM(c.recoveredAmount) FROM LegalCase c "
                + "WHERE c.status = 'CLOSED' AND c.closedAt >= :from AND c.closedAt < :to" + inScope, ClosedCount.class);
        for (TypedQuery<?> q : java.util.List.of(kinds, closed)) {
            q.setParameter("from", from).setParameter("to", to);
            scope.ifPresent(root -> q.setParameter("scope", OrganizationPath.subtreePattern(root)));
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (LegalCase.Kind k : LegalCase.Kind.values()) {
            byKind.put(k.name(), 0L);
        }
        long total = 0;
        for (KindCount k : kinds.getResultList()) {
            byKind.put(k.kind(), k.cases());
            total += k.cases();
        }
        ClosedCount c = closed.getSingleResult();
        return new Stats(year, total, byKind.get("CONSULTATION"), byKind, c.cases(), Amounts.orZero(c.recovered()));
    }

    /**
     * What every staff change to a case shares: the row locked (two staff members acting at once are
     * serialized), the subtree checked, a closed case refused, and the audit trail given the case as it
     * was and as it is.
     */
    private CaseView changeOpenCase(UUID id, String action, Consumer<LegalCase> change) {
        LegalCase c = find(id, true);
        requireStaff(c);
        c.requireNotClosed();
        CaseView before = CaseView.of(c);
        change.accept(c);
        CaseView after = CaseView.of(c);
        audit.record("legal-case", c.id, action, access.actor().subject(), c.organizationPath, before, after);
        return after;
    }

    private static LegalCase find(UUID id, boolean lock) {
        LegalCase c = lock ? LegalCase.findById(id, LockModeType.PESSIMISTIC_WRITE) : LegalCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("legal case", id);
        }
        return c;
    }

    private void requireStaff(LegalCase c) {
        if (!access.isStaffLike()) {
            throw ProblemException.forbidden("you may see only your own cases");
        }
        Optional<UUID> scope = access.listScope();
        if (scope.isPresent() && !OrganizationPath.isWithin(c.organizationPath, scope.get())) {
            throw ProblemException.forbidden("this case is outside your organization's subtree");
        }
    }
}
