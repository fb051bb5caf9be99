package org.unionhub.assistance.hardship;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.assistance.ledger.Ledger;
import org.unionhub.assistance.program.Program;
import org.unionhub.assistance.program.Programs;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.unionhub.assistance.hardship.HardshipApi.*;

/** Hardship files and condolence visits; visit cash is aid under DAILY_RELIEF, within its caps. */
@ApplicationScoped
public class Hardship {

    @Inject
    AuditTrail audit;
    @Inject
    Access access;
    @Inject
    Actor actor;
    @Inject
    Ledger ledger;
    @Inject
    Programs programs;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public FileView open(OpenFileRequest r) {
        MemberView m = access.requireActingFor(r.memberId());
        if (hasOpenFile(m.id)) {
            throw ProblemException.conflict("duplicate", "member " + m.id + " has an open hardship file already");
        }
        HardshipFile f = new HardshipFile();
        f.id = UUID.randomUUID();
        f.memberId = m.id;
        f.organizationId = m.organizationId;
        f.organizationPath = m.organizationPath;
        f.householdSize = r.householdSize();
        f.monthlyHouseholdIncome = Amounts.of(r.monthlyHouseholdIncome());
        f.causes = String.join(",", r.causes().stream().map(Enum::name).distinct().toList());
        f.level = r.level().name();
        f.status = HardshipFile.OPEN;
        f.openedAt = clock.now();
        f.openedBy = actor.subject();
        f.nextReviewOn = clock.today().plusYears(1);
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
            if (r.monthlyHouseholdIncome() != null) f.monthlyHouseholdIncome = Amounts.of(r.monthlyHouseholdIncome());
            if (r.causes() != null && !r.causes().isEmpty()) f.causes = String.join(",", r.causes().stream().map(Enum::name).distinct().toList());
            if (r.level() != null) f.level = r.level().name();
        }
        f.reviewedAt = clock.now();
        f.reviewedBy = actor.subject();
        f.nextReviewOn = clock.today().plusYears(1);
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
        f.closedAt = clock.now();
        f.closedBy = actor.subject();
        f.closeReason = r.reason();
        FileView after = FileView.of(f);
        audit.record("hardship-file", f.id, "closed", actor.subject(), f.organizationPath, before, after);
        return after;
    }

    /** Whether the member has an open hardship file now: what programs that require one ask. */
    public boolean hasOpenFile(UUID memberId) {
        return HardshipFile.count("memberId = ?1 AND status = ?2", memberId, HardshipFile.OPEN) > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FileView get(UUID id) {
        HardshipFile f = HardshipFile.<HardshipFile>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("hardship file", id));
        access.requireRead(f.memberId, f.organizationId);
        return FileView.of(f);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public VisitView visit(VisitRequest r) {
        MemberView m = access.requireActingFor(r.memberId());
        if (r.visitedOn().isAfter(clock.today())) {
            throw ProblemException.invalid("visitedOn", "must not be in the future");
        }
        BigDecimal cash = Amounts.of(r.cashAmount());
        if (cash != null && cash.signum() == 0) {
            cash = null;
        }
        if (cash != null) {
            access.requireNotOwn(m.id, "hands visit cash");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        if (cash != null) {
            Program relief = programs.require(Program.DAILY_RELIEF);
            ledger.commit(new Ledger.Entry(m.id, m.organizationPath, relief.code, r.visitedOn().getYear(),
                    r.visitedOn().getMonthValue(), cash, "VISIT", id, actor.subject()), relief);
        }
        Visit v = new Visit();
        v.id = id;
        v.memberId = m.id;
        v.organizationPath = m.organizationPath;
        v.visitedOn = r.visitedOn();
        v.goods = r.goods();
        v.cashAmount = cash;
        v.recordedAt = now;
        v.recordedBy = actor.subject();
        v.persist();
        VisitView view = new VisitView(id, m.id, r.visitedOn(), r.goods(), cash, now, actor.subject());
        audit.record("visit", id, "recorded", actor.subject(), m.organizationPath, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<FileView> list(UUID organizationId, HardshipFile.Level level, String status, PageRequest page) {
        access.requireStaffOver(organizationId);
        return ListQuery.of(HardshipFile.class, page)
                .within("organizationPath", Optional.of(organizationId))
                .filter("level = :level", "level", level == null ? null : level.name())
                .filter("status = :status", "status", status)
                .orderBy(ListQuery.Key.uuid("id"))
                .fetch()
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
}
