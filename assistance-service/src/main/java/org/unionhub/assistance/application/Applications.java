package org.unionhub.assistance.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.access.FinanceAccess;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.assistance.hardship.Hardship;
import org.unionhub.assistance.ledger.Ledger;
import org.unionhub.assistance.program.Program;
import org.unionhub.assistance.program.ProgramRules;
import org.unionhub.assistance.program.Programs;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.metrics.AfterCommit;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.unionhub.assistance.application.ApplicationApi.*;

/** The life cycle of an application, one transaction per step, each step audited and announced. */
@ApplicationScoped
@Startup // registers its counters at start: a dashboard sees 0, and increase() the first one
public class Applications {

    private final Hardship hardship;
    private final Programs programs;
    private final Ledger ledger;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final Counter payouts;
    private final DistributionSummary payoutAmounts;
    private final AuditTrail audit;
    private final Access access;
    private final FinanceAccess finance;
    private final BusinessClock clock;
    private final Actor actor;
    private final ObjectMapper json;

    public Applications(Hardship hardship, Programs programs, Ledger ledger, Outbox outbox, AuditTrail audit,
                        Access access, FinanceAccess finance, Actor actor, ObjectMapper json, AfterCommit afterCommit,
                        MeterRegistry metrics, BusinessClock clock) {
        this.afterCommit = afterCommit;
        this.payouts = Counter.builder("unionhub.payouts").description("assistance payouts disbursed (counted at commit)").register(metrics);
        // in fen: whole numbers, so the sums Prometheus adds up stay exact (a yuan amount as a double does not)
        this.payoutAmounts = DistributionSummary.builder("unionhub.payouts.amount.fen")
                .description("amounts of the assistance payouts disbursed, in fen (CNY 0.01)").register(metrics);
        this.hardship = hardship;
        this.programs = programs;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.finance = finance;
        this.clock = clock;
        this.actor = actor;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView submit(SubmitRequest r) {
        BigDecimal requested = Amounts.of(r.requestedAmount());
        MemberView member = access.requireActingFor(r.memberId());
        Program program = programs.require(r.programCode());
        ProgramRules rules = program.rules();
        if (rules.requiresActiveMembership() && !member.isActive()) {
            throw ProblemException.rule("member-not-active", "the member's membership is " + member.status
                    + ", and " + program.code + " requires an active membership").with("memberStatus", member.status);
        }
        if (rules.requiresHardshipFile() && !hardship.hasOpenFile(member.id)) {
            throw ProblemException.rule("hardship-file-required", program.code + " requires an open hardship file for the member");
        }
        rules.checkRequest(requested, r.details());

        Application a = new Application();
        a.id = UUID.randomUUID();
        a.memberId = member.id;
        a.organizationId = member.organizationId;
        a.organizationPath = member.organizationPath;
        a.programCode = program.code;
        a.submittedAt = clock.now();
        a.year = BusinessClock.dateOf(a.submittedAt).getYear();
        a.requestedAmount = requested;
        a.secondApprovalThreshold = program.secondApprovalThreshold;
        a.reason = r.reason();
        a.details = writeDetails(r.details());
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedBy = actor.subject();
        a.version = 1;
        a.persist();
        audit.record("application", a.id, "submitted", actor.subject(), a.organizationPath, null, snapshot(a));
        outbox.publish(ApplicationEvents.TOPIC, EventTypes.type("assistance", "application", "submitted", 1), a.id,
                new ApplicationEvents.Submitted(a.id, a.memberId, a.organizationId, a.programCode, a.year, a.requestedAmount, a.submittedAt));
        return view(a);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView approve(UUID id, ApproveRequest r) {
        Application a = lock(id);
        access.requireStaffOver(a.organizationId);
        access.requireNotOwn(a.memberId, "approves aid");
        Map<String, Object> before = snapshot(a);
        Instant now = clock.now();
        if (a.status == ApplicationStatus.SUBMITTED) {
            FourEyes.firstApproval(actor.subject(), a.submittedBy);
            if (r == null || r.approvedAmount() == null) {
                throw ProblemException.invalid("approvedAmount", "is required");
            }
            BigDecimal approved = Amounts.of(r.approvedAmount());
            if (approved.compareTo(a.requestedAmount) > 0) {
                throw ProblemException.rule("above-requested", "approved " + approved + " is above the requested " + a.requestedAmount);
            }
            Program program = programs.require(a.programCode);
            MemberView member = MemberView.findById(a.memberId);
            // a member who left or was suspended since he applied gets nothing more
            if (program.requiresActiveMembership && (member == null || !member.isActive())) {
                String status = member == null ? "unknown" : member.status;
                throw ProblemException.rule("member-not-active", "the member's membership is now " + status
                        + ", and " + program.code + " requires an active membership").with("memberStatus", status);
            }
            ledger.commit(entry(a, approved, now), program);
            a.approvedAmount = approved;
            a.firstApprovedAt = now;
            a.firstApprovedBy = actor.subject();
            a.firstApproverOrg = actor.orgId().orElse(null);
            a.status = ProgramRules.needsSecondApproval(a.secondApprovalThreshold, approved)
                    ? ApplicationStatus.AWAITING_SECOND_APPROVAL : ApplicationStatus.APPROVED;
        } else if (a.status == ApplicationStatus.AWAITING_SECOND_APPROVAL) {
            FourEyes.secondApproval(actor.subject(), a.submittedBy, a.firstApprovedBy, actor.orgId().orElse(null),
                    a.firstApproverOrg, FourEyes.pathOf(a.firstApproverOrg), actor.has(Roles.ADMIN));
            if (r != null && r.approvedAmount() != null
                    && r.approvedAmount().compareTo(a.approvedAmount) != 0) {
                throw ProblemException.rule("amount-differs", "the second approval confirms the first's amount of "
                        + a.approvedAmount + "; reject and resubmit to change it");
            }
            a.secondApprovedAt = now;
            a.secondApprovedBy = actor.subject();
            a.secondApproverOrg = actor.orgId().orElse(null);
            a.status = ApplicationStatus.APPROVED;
        } else {
            a.requireStatus(ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_SECOND_APPROVAL);
        }
        audit.record("application", a.id, a.status == ApplicationStatus.APPROVED ? "approved" : "first-approved",
                actor.subject(), a.organizationPath, before, snapshot(a));
        if (a.status == ApplicationStatus.APPROVED) {
            outbox.publish(ApplicationEvents.TOPIC, EventTypes.type("assistance", "application", "approved", 1), a.id,
                    new ApplicationEvents.Approved(a.id, a.memberId, a.organizationId, a.programCode, a.year, a.requestedAmount,
                            a.approvedAmount, a.secondApprovedBy == null ? 1 : 2, now));
        }
        return view(a);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView reject(UUID id, RejectRequest r) {
        Application a = lock(id);
        access.requireStaffOver(a.organizationId);
        a.requireStatus(ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_SECOND_APPROVAL);
        Map<String, Object> before = snapshot(a);
        Instant now = clock.now();
        if (a.status == ApplicationStatus.AWAITING_SECOND_APPROVAL) {
            // the first approval reserved the money: give it back to the member's caps and the fund
            ledger.release(entry(a, a.approvedAmount, now));
        }
        a.status = ApplicationStatus.REJECTED;
        a.rejectedAt = now;
        a.rejectedBy = actor.subject();
        a.rejectionReason = r.reason();
        audit.record("application", a.id, "rejected", actor.subject(), a.organizationPath, before, snapshot(a));
        outbox.publish(ApplicationEvents.TOPIC, EventTypes.type("assistance", "application", "rejected", 1), a.id,
                new ApplicationEvents.Rejected(a.id, a.memberId, a.organizationId, a.programCode, a.year, now));
        return view(a);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView disburse(UUID id) {
        Application a = lock(id);
        if (access.isStaffLike()) {
            // a token that is also staff pays only inside its subtree (the staff scope decides)
            access.requireStaffOver(a.organizationId);
        }
        access.requireNotOwn(a.memberId, "pays aid");
        String payer = actor.subject();
        if (payer.equals(a.submittedBy) || payer.equals(a.firstApprovedBy) || payer.equals(a.secondApprovedBy)) {
            throw new ProblemException(403, "four-eyes", "Forbidden", "the person who submitted or approved an application never pays it");
        }
        a.requireStatus(ApplicationStatus.APPROVED);
        Map<String, Object> before = snapshot(a);
        Instant now = clock.now();
        Payout payout = Payout.of(a, now, actor.subject());
        payout.persist();
        UUID payoutId = payout.id;
        a.status = ApplicationStatus.DISBURSED;
        a.disbursedAt = now;
        a.disbursedBy = actor.subject();
        audit.record("application", a.id, "disbursed", actor.subject(), a.organizationPath, before, snapshot(a));
        outbox.publish(ApplicationEvents.TOPIC, EventTypes.type("assistance", "assistance", "disbursed", 1), a.id,
                new ApplicationEvents.Disbursed(payoutId, a.id, a.memberId, a.organizationId, a.programCode, a.year,
                        a.approvedAmount, "CNY", now));
        long fen = a.approvedAmount.movePointRight(2).longValueExact();
        afterCommit.run(() -> {
            payouts.increment();
            payoutAmounts.record(fen);
        });
        return view(a, payoutId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView get(UUID id) {
        Application a = Application.<Application>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("application", id));
        if (finance.isFinanceOnly()) {
            return forFinance(a);
        }
        access.requireRead(a.memberId, a.organizationId);
        return view(a, payoutOf(a));
    }

    /** The statuses finance acts on: approved and awaiting payment, and paid. */
    public static final List<ApplicationStatus> FINANCE_STATUSES = List.of(ApplicationStatus.APPROVED, ApplicationStatus.DISBURSED);

    /**
     * What finance reads: an application it pays or has paid, with who approved it and the payout,
     * but without the member's reason and details (illness, costs), which paying does not need.
     */
    private ApplicationView forFinance(Application a) {
        if (!FINANCE_STATUSES.contains(a.status)) {
            throw ProblemException.forbidden("finance reads applications approved for payment or paid; this one is " + a.status);
        }
        ApplicationView v = view(a, payoutOf(a));
        return new ApplicationView(v.id(), v.memberId(), v.programCode(), v.year(), v.requestedAmount(), v.approvedAmount(),
                v.status(), null, null, v.submittedAt(), v.submittedBy(), v.rejectionReason(), v.payoutId(), v.steps());
    }

    private Application lock(UUID id) {
        Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("application", id);
        }
        return a;
    }

    private Ledger.Entry entry(Application a, BigDecimal amount, Instant now) {
        LocalDate today = BusinessClock.dateOf(now);
        int month = today.getYear() == a.year ? today.getMonthValue() : 12;
        return new Ledger.Entry(a.memberId, a.organizationPath, a.programCode, a.year, month, amount, "APPLICATION", a.id, actor.subject());
    }

    private UUID payoutOf(Application a) {
        if (a.status != ApplicationStatus.DISBURSED) {
            return null;
        }
        return Payout.idOf(a.id);
    }

    private String writeDetails(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("details", "cannot be stored");
        }
    }

    private Map<String, Object> readDetails(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** What the audit trail keeps of an application: its state, not the member's personal data. */
    static Map<String, Object> snapshot(Application a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status.name());
        m.put("programCode", a.programCode);
        m.put("requestedAmount", a.requestedAmount);
        m.put("approvedAmount", a.approvedAmount);
        m.put("firstApprovedBy", a.firstApprovedBy);
        m.put("secondApprovedBy", a.secondApprovedBy);
        m.put("rejectedBy", a.rejectedBy);
        m.put("rejectionReason", a.rejectionReason);
        m.put("disbursedBy", a.disbursedBy);
        return m;
    }

    ApplicationView view(Application a) {
        return view(a, null);
    }

    ApplicationView view(Application a, UUID payoutId) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("SUBMITTED", a.submittedBy, a.submittedAt, null));
        if (a.firstApprovedAt != null) steps.add(new Step("APPROVED", a.firstApprovedBy, a.firstApprovedAt, a.firstApproverOrg));
        if (a.secondApprovedAt != null) steps.add(new Step("SECOND_APPROVED", a.secondApprovedBy, a.secondApprovedAt, a.secondApproverOrg));
        if (a.rejectedAt != null) steps.add(new Step("REJECTED", a.rejectedBy, a.rejectedAt, null));
        if (a.disbursedAt != null) steps.add(new Step("DISBURSED", a.disbursedBy, a.disbursedAt, null));
        return new ApplicationView(a.id, a.memberId, a.programCode, a.year, a.requestedAmount, a.approvedAmount, a.status,
                a.reason, readDetails(a.details), a.submittedAt, a.submittedBy, a.rejectionReason, payoutId, steps);
    }
}
