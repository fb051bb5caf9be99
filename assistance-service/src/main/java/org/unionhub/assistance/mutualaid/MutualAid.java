package org.unionhub.assistance.mutualaid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.assistance.ledger.CapCheck;
import org.unionhub.assistance.ledger.Ledger;
import org.unionhub.assistance.program.Program;
import org.unionhub.assistance.program.Programs;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.unionhub.assistance.mutualaid.MutualAidApi.*;

/** Mutual aid's use cases: a member's yearly enrollment, and claims paid within MUTUAL_AID's yearly cap. */
@ApplicationScoped
public class MutualAid {

    private static final String TOPIC = "assistance.v1";

    @Inject
    Access access;
    @Inject
    Ledger ledger;
    @Inject
    Programs programs;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public EnrollmentView enroll(EnrollRequest r) {
        MemberView m = access.requireActingFor(r.memberId());
        if (!m.isActive()) {
            throw ProblemException.rule("member-not-active", "the member's membership is " + m.status + "; mutual aid needs an active one")
                    .with("memberStatus", m.status);
        }
        LocalDate today = clock.today();
        if (r.year() < today.getYear() || r.year() > today.getYear() + 1) {
            throw ProblemException.invalid("year", "must be this year or next year");
        }
        LocalDate from = r.coveredFrom() != null ? r.coveredFrom()
                : (r.year() == today.getYear() ? today : LocalDate.of(r.year(), 1, 1));
        if (from.getYear() != r.year()) {
            throw ProblemException.invalid("coveredFrom", "must lie within " + r.year());
        }
        if (from.isBefore(today) && !access.isStaffLike()) {
            throw ProblemException.invalid("coveredFrom", "cover starts today at the earliest");
        }
        if (Enrollment.exists(m.id, r.year())) {
            throw ProblemException.conflict("duplicate", "member " + m.id + " is enrolled for " + r.year() + " already");
        }
        Premium premium = Premium.of(r.year(), from);
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.memberId = m.id;
        e.organizationPath = m.organizationPath;
        e.year = r.year();
        e.coveredFrom = from;
        e.daysCovered = premium.daysCovered();
        e.premium = premium.amount();
        e.enrolledAt = clock.now();
        e.enrolledBy = access.actor().subject();
        e.persist();
        EnrollmentView view = EnrollmentView.of(e);
        audit.record("mutual-aid-enrollment", e.id, "enrolled", e.enrolledBy, m.organizationPath, null, view);
        outbox.publish(TOPIC, EventTypes.type("assistance", "mutualaid", "enrolled", 1), e.id,
                new MutualAidEvents.Enrolled(e.id, m.id, m.organizationId, e.year, from, e.daysCovered, e.premium, e.enrolledAt));
        return view;
    }

    /** Staff of the member's subtree pay, never for themselves; the ledger keeps the year's payouts within the cap. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ClaimView claim(ClaimRequest r) {
        MemberView m = access.requireActingFor(r.memberId());
        access.requireNotOwn(m.id, "pays a mutual-aid claim");
        BigDecimal amount = Amounts.of(r.amount());
        if (!Enrollment.exists(m.id, r.year())) {
            throw ProblemException.rule("not-enrolled", "member " + m.id + " is not enrolled in mutual aid for " + r.year());
        }
        Program program = programs.require(Program.MUTUAL_AID);
        Claim c = new Claim();
        c.id = UUID.randomUUID();
        c.memberId = m.id;
        c.year = r.year();
        c.kind = r.kind();
        c.amount = amount;
        c.paidAt = clock.now();
        c.paidBy = access.actor().subject();
        LocalDate paidOn = BusinessClock.dateOf(c.paidAt);
        // a claim for a past year counts in that year's last month
        int month = paidOn.getYear() == r.year() ? paidOn.getMonthValue() : 12;
        ledger.commit(new Ledger.Entry(m.id, m.organizationPath, program.code, r.year(), month, amount, "MUTUAL_AID_CLAIM", c.id,
                c.paidBy), program);
        c.persist();
        BigDecimal paid = ledger.committed(m.id, r.year()).getOrDefault(program.code, Amounts.ZERO);
        ClaimView view = new ClaimView(c.id, m.id, r.year(), r.kind(), amount, paid,
                CapCheck.remaining(program.capPerPersonYear, paid), c.paidAt, c.paidBy);
        audit.record("mutual-aid-claim", c.id, "paid", c.paidBy, m.organizationPath, null, view);
        return view;
    }
}
