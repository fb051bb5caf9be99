package org.unionhub.assistance.hardship;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.common.Access;
import org.unionhub.assistance.common.BusinessCalendar;
import org.unionhub.assistance.common.Money;
import org.unionhub.assistance.ledger.Ledger;
import org.unionhub.assistance.program.Program;
import org.unionhub.assistance.program.Programs;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.unionhub.assistance.hardship.HardshipApi.*;

/** Hardship files and condolence visits; visit cash is aid under DAILY_RELIEF, within its caps. */
@ApplicationScoped
public class Hardship {

    private final EntityManager em;
    private final AuditTrail audit;
    private final Access access;
    private final Actor actor;
    private final Ledger ledger;
    private final Programs programs;

    public Hardship(EntityManager em, AuditTrail audit, Access access, Actor actor, Ledger ledger, Programs programs) {
        this.em = em;
        this.audit = audit;
        this.access = access;
        this.actor = actor;
        this.ledger = ledger;
        this.programs = programs;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FileView open(OpenFileRequest r) {
        MemberView m = member(r.memberId());
        access.requireStaffOver(m.organizationId);
        if (HardshipFile.count("memberId = ?1 AND status = ?2", m.id, HardshipFile.OPEN) > 0) {
            throw ProblemException.conflict("duplicate", "member " + m.id + " has an open hardship file already");
        }
        HardshipFile f = new HardshipFile();
        f.id = UUID.randomUUID();
        f.memberId = m.id;
        f.organizationId = m.organizationId;
        f.organizationPath = m.organizationPath;
        f.householdSize = r.householdSize();
        f.monthlyHouseholdIncome = nonNegative("monthlyHouseholdIncome", r.monthlyHouseholdIncome());
        f.causes = String.join(",", r.causes().stream().map(Enum::name).distinct().toList());
        f.level = r.level().name();
        f.status = HardshipFile.OPEN;
        f.openedAt = Instant.now();
        f.openedBy = actor.subject();
        f.nextReviewOn = BusinessCalendar.today().plusYears(1);
        f.version = 1;
        f.persist();
        FileView view = FileView.of(f);
        audit.record("hardship-file", f.id, "opened", actor.subject(), f.organizationPath, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FileView review(UUID id, ReviewRequest r) {
        HardshipFile f = lock(id);
        access.requireStaffOver(f.organizationId);
        requireOpen(f);
        FileView before = FileView.of(f);
        if (r != null) {
            if (r.householdSize() != null) f.householdSize = r.householdSize();
            if (r.monthlyHouseholdIncome() != null) f.monthlyHouseholdIncome = nonNegative("monthlyHouseholdIncome", r.monthlyHouseholdIncome());
            if (r.causes() != null && !r.causes().isEmpty()) f.causes = String.join(",", r.causes().stream().map(Enum::name).distinct().toList());
            if (r.level() != null) f.level = r.level().name();
        }
        f.reviewedAt = Instant.now();
        f.reviewedBy = actor.subject();
        f.nextReviewOn = BusinessCalendar.today().plusYears(1);
        f.version++;
        FileView after = FileView.of(f);
        audit.record("hardship-file", f.id, "reviewed", actor.subject(), f.organizationPath, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FileView close(UUID id, CloseRequest r) {
        HardshipFile f = lock(id);
        access.requireStaffOver(f.organizationId);
        requireOpen(f);
        FileView before = FileView.of(f);
        f.status = HardshipFile.CLOSED;
        f.closedAt = Instant.now();
        f.closedBy = actor.subject();
        f.closeReason = r.reason();
        f.version++;
        FileView after = FileView.of(f);
        audit.record("hardship-file", f.id, "closed", actor.subject(), f.organizationPath, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FileView get(UUID id) {
        HardshipFile f = HardshipFile.findById(id);
        if (f == null) {
            throw ProblemException.notFound("hardship file", id);
        }
        access.requireRead(f.memberId, f.organizationId);
        return FileView.of(f);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public VisitView visit(VisitRequest r) {
        MemberView m = member(r.memberId());
        access.requireStaffOver(m.organizationId);
        if (r.visitedOn().isAfter(BusinessCalendar.today())) {
            throw ProblemException.invalid("visitedOn", "must not be in the future");
        }
        BigDecimal cash = Money.nonNegativeOrNull("cashAmount", r.cashAmount());
        if (cash != null && cash.signum() == 0) {
            cash = null;
        }
        if (cash != null) {
            access.requireNotOwn(m.id, "hands visit cash");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        if (cash != null) {
            Program relief = programs.require(Program.DAILY_RELIEF);
            ledger.commit(new Ledger.Entry(m.id, m.organizationPath, relief.code, r.visitedOn().getYear(),
                    r.visitedOn().getMonthValue(), cash, "VISIT", id, actor.subject()), relief);
        }
        em.createNativeQuery("INSERT INTO visit (id, member_id, organization_path, visited_on, goods, cash_amount, recorded_at, recorded_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, m.id).setParameter(3, m.organizationPath).setParameter(4, r.visitedOn())
                .setParameter(5, r.goods()).setParameter(6, cash).setParameter(7, now).setParameter(8, actor.subject())
                .executeUpdate();
        VisitView view = new VisitView(id, m.id, r.visitedOn(), r.goods(), cash, now, actor.subject());
        audit.record("visit", id, "recorded", actor.subject(), m.organizationPath, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<FileView> list(UUID organizationId, HardshipFile.Level level, String status, int limit, UUID after) {
        access.requireStaffOver(organizationId);
        StringBuilder q = new StringBuilder("organizationPath LIKE ?1");
        List<Object> params = new java.util.ArrayList<>(List.of("%/" + organizationId + "/%"));
        if (level != null) {
            params.add(level.name());
            q.append(" AND level = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            q.append(" AND status = ?").append(params.size());
        }
        if (after != null) {
            params.add(after);
            q.append(" AND id > ?").append(params.size());
        }
        return HardshipFile.<HardshipFile>find(q + " ORDER BY id", params.toArray()).range(0, limit).list()
                .stream().map(FileView::of).toList();
    }

    private HardshipFile lock(UUID id) {
        HardshipFile f = HardshipFile.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw ProblemException.notFound("hardship file", id);
        }
        return f;
    }

    private static void requireOpen(HardshipFile f) {
        if (!HardshipFile.OPEN.equals(f.status)) {
            throw ProblemException.conflict("invalid-state", "hardship file " + f.id + " is " + f.status).with("currentStatus", f.status);
        }
    }

    private static BigDecimal nonNegative(String field, BigDecimal v) {
        BigDecimal m = Money.nonNegativeOrNull(field, v);
        if (m == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return m;
    }

    static MemberView member(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        if (m == null) {
            throw ProblemException.rule("member-unknown", "member " + memberId + " is not known to this service");
        }
        return m;
    }
}
