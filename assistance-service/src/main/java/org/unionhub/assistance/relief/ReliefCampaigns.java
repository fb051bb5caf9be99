package org.unionhub.assistance.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.assistance.hardship.HardshipFile;
import org.unionhub.assistance.ledger.Ledger;
import org.unionhub.assistance.program.Program;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.unionhub.assistance.relief.ReliefApi.*;

/** The life cycle of a relief campaign: define, preview, approve (commits in bulk), disburse; one transaction each. */
@ApplicationScoped
public class ReliefCampaigns {

    /** What aid entries of campaigns are booked as in the ledger (source column of aid_entry). */
    static final String SOURCE = "RELIEF_CAMPAIGN";

    @Inject
    Ledger ledger;
    @Inject
    ReliefStore store;
    @Inject
    ReliefAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;
    @Inject
    Access platformAccess;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public CampaignView define(DefineRequest r) {
        OrganizationView org = OrganizationView.findById(r.organizationId());
        if (org == null) {
            throw ProblemException.rule("organization-unknown", "organization " + r.organizationId() + " is not known to this service");
        }
        access.requireManage(org.path);
        if (org.type == null || !org.type.startsWith("FEDERATION")) {
            throw ProblemException.rule("not-a-federation", "relief campaigns are run by federations (总工会); "
                    + org.name + " is " + org.type).with("organizationType", org.type);
        }
        Program program = Program.findById(r.programCode());
        if (program == null) {
            throw ProblemException.rule("program-unknown", "program " + r.programCode() + " does not exist");
        }
        if (!program.money) {
            throw ProblemException.rule("not-a-money-program", program.code + " pays no money");
        }
        BigDecimal amount = Amounts.of(r.amountPerPerson());
        if (program.capPerApplication != null && amount.compareTo(program.capPerApplication) > 0) {
            throw ProblemException.rule("cap-exceeded", amount + " per person is above " + program.code
                    + "'s cap per payment of " + program.capPerApplication).with("cap", program.capPerApplication);
        }
        int thisYear = clock.year();
        int year = r.year() == null ? thisYear : r.year();
        if (year < thisYear - 1 || year > thisYear + 1) {
            throw ProblemException.invalid("year", "must be between " + (thisYear - 1) + " and " + (thisYear + 1));
        }
        Eligibility e = r.eligibility() == null ? new Eligibility(null, null, null) : r.eligibility();
        List<String> forms = e.employmentForms() == null ? List.of() : e.employmentForms().stream().distinct().map(Enum::name).toList();
        List<String> levels = e.hardshipLevels() == null ? List.of() : e.hardshipLevels().stream().distinct().map(Enum::name).toList();

        ReliefCampaign c = new ReliefCampaign();
        c.id = UUID.randomUUID();
        c.name = r.name().trim();
        c.organizationId = org.id;
        c.organizationPath = org.path;
        c.programCode = program.code;
        c.year = year;
        c.amountPerPerson = amount;
        c.employmentForms = String.join(",", forms);
        c.hardshipLevels = String.join(",", levels);
        // a program that requires a hardship file requires it of every campaign drawing on it
        c.hardshipRequired = Boolean.TRUE.equals(e.hardshipFileRequired()) || !levels.isEmpty() || program.requiresHardshipFile;
        c.status = CampaignStatus.DRAFT;
        c.createdAt = clock.now();
        c.createdBy = access.actor().subject();
        c.creatorOrg = access.isStaff() ? access.actor().orgId().orElse(null) : null;
        c.version = 1;
        c.persist();
        audit.record("relief-campaign", c.id, "defined", c.createdBy, c.organizationPath, null, snapshot(c));
        return view(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CampaignView get(UUID id) {
        ReliefCampaign c = find(id, false);
        access.requireRead(c.organizationPath);
        return view(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PreviewView preview(UUID id) {
        ReliefCampaign c = find(id, false);
        access.requireRead(c.organizationPath);
        c.requireStatus(CampaignStatus.DRAFT);
        Program program = Program.findById(c.programCode);
        List<ReliefStore.Candidate> candidates = store.candidates(c);
        Ledger.Batch batch = ledger.previewAll(entries(c, candidates, clock.now()), program);
        Counts n = Counts.of(batch.outcomes());
        BigDecimal eligibleTotal = c.amountPerPerson.multiply(BigDecimal.valueOf(candidates.size()));
        BigDecimal fundNow = batch.fundRemaining() == null ? null : batch.fundRemaining().add(batch.committed());
        return new PreviewView(c.id, candidates.size(), c.amountPerPerson, eligibleTotal, n.cutByCap, n.cutByFund, n.committed,
                batch.committed(), eligibleTotal.subtract(batch.committed()), fundNow, batch.fundRemaining());
    }

    /**
     * The second person's approval, from an organization strictly above the creator's (four eyes, as for an
     * application's second approval), commits the campaign: one entitlement per eligible member, each counted against
     * his cap and the fund under the ledger's locks; members without room are recorded as SKIPPED with the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CampaignView approve(UUID id) {
        ReliefCampaign c = find(id, true);
        requireSecondPersonAbove(c);
        c.requireStatus(CampaignStatus.DRAFT);
        Map<String, Object> before = snapshot(c);
        Instant now = clock.now();
        Program program = Program.findById(c.programCode);
        List<ReliefStore.Candidate> candidates = store.candidates(c);
        List<Ledger.Entry> entries = entries(c, candidates, now);
        Ledger.Batch batch = ledger.commitAll(entries, program);
        List<ReliefStore.Row> rows = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            ReliefStore.Candidate m = candidates.get(i);
            Ledger.Outcome o = batch.outcomes().get(i);
            rows.add(new ReliefStore.Row(entries.get(i).sourceId(), m.memberId(), m.organizationId(), m.organizationPath(),
                    o == Ledger.Outcome.COMMITTED ? "COMMITTED" : "SKIPPED", o == Ledger.Outcome.COMMITTED ? null : o.name()));
        }
        store.insertEntitlements(c.id, c.amountPerPerson, rows, now);
        Counts n = Counts.of(batch.outcomes());
        c.status = CampaignStatus.COMMITTED;
        c.approvedAt = now;
        c.approvedBy = access.actor().subject();
        c.approverOrg = access.isStaff() ? access.actor().orgId().orElse(null) : null;
        c.eligibleCount = candidates.size();
        c.entitledCount = n.committed;
        c.committedTotal = batch.committed();
        c.skippedByCap = n.cutByCap;
        c.cutByFund = n.cutByFund;
        c.uncommittedTotal = c.amountPerPerson.multiply(BigDecimal.valueOf(candidates.size())).subtract(batch.committed());
        audit.record("relief-campaign", c.id, "approved", c.approvedBy, c.organizationPath, before, snapshot(c));
        outbox.publish(ReliefEvents.TOPIC, EventTypes.type("assistance", "campaign", "approved", 1), c.id,
                new ReliefEvents.CampaignApproved(c.id, c.organizationId, c.programCode, c.year, c.amountPerPerson,
                        c.eligibleCount, c.entitledCount, c.committedTotal, c.skippedByCap, c.cutByFund, now));
        return view(c);
    }

    /**
     * Finance pays the campaign in one batch, once: members no longer ACTIVE in the projection now are not paid (their
     * entitlement is forfeited and given back to their cap and the fund); every other entitlement is paid with its own
     * payout id and event. A second call finds the campaign DISBURSED: 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CampaignView disburse(UUID id) {
        ReliefCampaign c = find(id, true);
        access.requireFinance(c.organizationPath);
        c.requireStatus(CampaignStatus.COMMITTED);
        Map<String, Object> before = snapshot(c);
        Instant now = clock.now();
        String actor = access.actor().subject();
        List<ReliefStore.Settled> forfeited = store.forfeitInactive(c.id, now);
        ledger.releaseAll(forfeited.stream().map(s -> new Ledger.Entry(s.memberId(), s.organizationPath(), c.programCode, c.year,
                monthFor(c.year, now), s.amount(), SOURCE, s.id(), actor)).toList());
        List<ReliefStore.Settled> paid = store.payCommitted(c.id, now, actor);
        BigDecimal paidTotal = Amounts.ZERO;
        for (ReliefStore.Settled s : paid) {
            paidTotal = paidTotal.add(s.amount());
            outbox.publish(ReliefEvents.TOPIC, EventTypes.type("assistance", "relief", "paid", 1), c.id,
                    new ReliefEvents.ReliefPaid(s.payoutId(), s.id(), c.id, s.memberId(), s.organizationId(), c.programCode,
                            c.year, s.amount(), "CNY", now));
        }
        c.status = CampaignStatus.DISBURSED;
        c.disbursedAt = now;
        c.disbursedBy = actor;
        c.paidCount = paid.size();
        c.paidTotal = paidTotal;
        c.forfeitedCount = forfeited.size();
        c.forfeitedTotal = forfeited.stream().map(ReliefStore.Settled::amount).reduce(Amounts.ZERO, BigDecimal::add);
        audit.record("relief-campaign", c.id, "disbursed", actor, c.organizationPath, before, snapshot(c));
        outbox.publish(ReliefEvents.TOPIC, EventTypes.type("assistance", "campaign", "disbursed", 1), c.id,
                new ReliefEvents.CampaignDisbursed(c.id, c.organizationId, c.programCode, c.year, c.paidCount, c.paidTotal,
                        c.forfeitedCount, c.forfeitedTotal, "CNY", now));
        return view(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<EntitlementView> entitlements(UUID id, String status, UUID afterMember, int limitPlusOne) {
        ReliefCampaign c = find(id, false);
        access.requireRead(c.organizationPath);
        return store.entitlements(c.id, status, afterMember, limitPlusOne);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MemberRelief memberRelief(UUID memberId, Integer year) {
        MemberView m = MemberView.findById(memberId);
        if (m == null) {
            if (access.isStaff() || access.isPlainAdmin()) {
                throw ProblemException.notFound("member", memberId);
            }
            throw ProblemException.forbidden("a member sees only his own relief");
        }
        access.requireMemberRead(memberId, m.organizationPath);
        int y = year == null ? clock.year() : year;
        List<MemberReliefItem> items = store.memberRelief(memberId, y);
        BigDecimal received = sum(items, "PAID");
        BigDecimal pending = sum(items, "COMMITTED");
        return new MemberRelief(memberId, y, received, pending, items);
    }

    private static BigDecimal sum(List<MemberReliefItem> items, String status) {
        return items.stream().filter(i -> status.equals(i.status())).map(MemberReliefItem::amount).reduce(Amounts.ZERO, BigDecimal::add);
    }

    /** Never the creator; staff of an organization strictly above the creator's (or the campaign's); or an admin. */
    private void requireSecondPersonAbove(ReliefCampaign c) {
        String approver = access.actor().subject();
        if (!access.isStaff() && !access.isPlainAdmin()) {
            throw ProblemException.forbidden("campaigns are approved by staff of a higher federation or an admin");
        }
        if (approver.equals(c.createdBy)) {
            throw new ProblemException(403, "four-eyes", "Forbidden", "the person who defined a campaign never approves it");
        }
        if (access.isPlainAdmin()) {
            return;
        }
        UUID reference = c.creatorOrg != null ? c.creatorOrg : c.organizationId;
        if (!platformAccess.isStrictlyAbove(reference)) {
            throw new ProblemException(403, "next-level-required", "Forbidden",
                    "a campaign is approved by staff of a federation above the organization of the person who defined it");
        }
    }

    private ReliefCampaign find(UUID id, boolean lock) {
        ReliefCampaign c = lock ? ReliefCampaign.findById(id, LockModeType.PESSIMISTIC_WRITE) : ReliefCampaign.findById(id);
        if (c == null) {
            throw ProblemException.notFound("relief campaign", id);
        }
        return c;
    }

    private static List<Ledger.Entry> entries(ReliefCampaign c, List<ReliefStore.Candidate> candidates, Instant now) {
        int month = monthFor(c.year, now);
        List<Ledger.Entry> entries = new ArrayList<>(candidates.size());
        for (ReliefStore.Candidate m : candidates) {
            // the entitlement's id is the ledger entry's source id: a forfeit gives back exactly that entry
            entries.add(new Ledger.Entry(m.memberId(), m.organizationPath(), c.programCode, c.year, month, c.amountPerPerson,
                    SOURCE, UUID.randomUUID(), "relief-campaign:" + c.id));
        }
        return entries;
    }

    /** The month the aid counts in: this month in the campaign's year, else the year's last (or first) month. */
    static int monthFor(int year, Instant now) {
        LocalDate today = BusinessClock.dateOf(now);
        return year == today.getYear() ? today.getMonthValue() : year < today.getYear() ? 12 : 1;
    }

    private record Counts(int committed, int cutByCap, int cutByFund) {
        static Counts of(List<Ledger.Outcome> outcomes) {
            Map<Ledger.Outcome, Long> by = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
            return new Counts(by.getOrDefault(Ledger.Outcome.COMMITTED, 0L).intValue(),
                    (int) (by.getOrDefault(Ledger.Outcome.CAP_EXCEEDED, 0L) + by.getOrDefault(Ledger.Outcome.OVERALL_CAP_EXCEEDED, 0L)),
                    by.getOrDefault(Ledger.Outcome.FUND_EXHAUSTED, 0L).intValue());
        }
    }

    private static Map<String, Object> snapshot(ReliefCampaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status.name());
        m.put("programCode", c.programCode);
        m.put("year", c.year);
        m.put("amountPerPerson", c.amountPerPerson);
        m.put("entitled", c.entitledCount);
        m.put("committedTotal", c.committedTotal);
        m.put("paid", c.paidCount);
        m.put("paidTotal", c.paidTotal);
        m.put("forfeited", c.forfeitedCount);
        return m;
    }

    static CampaignView view(ReliefCampaign c) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("DEFINED", c.createdBy, c.createdAt, c.creatorOrg));
        if (c.approvedAt != null) steps.add(new Step("APPROVED", c.approvedBy, c.approvedAt, c.approverOrg));
        if (c.disbursedAt != null) steps.add(new Step("DISBURSED", c.disbursedBy, c.disbursedAt, null));
        Eligibility e = new Eligibility(c.employmentFormList().stream().map(EmploymentForm::valueOf).toList(), c.hardshipRequired,
                c.hardshipLevelList().stream().map(HardshipFile.Level::valueOf).toList());
        return new CampaignView(c.id, c.name, c.organizationId, c.programCode, c.year, c.amountPerPerson, e, c.status,
                c.eligibleCount, c.entitledCount, c.committedTotal, c.skippedByCap, c.cutByFund, c.uncommittedTotal,
                c.paidCount, c.paidTotal, c.forfeitedCount, c.forfeitedTotal, steps);
    }

    static CampaignSummary summary(ReliefCampaign c) {
        return new CampaignSummary(c.id, c.name, c.organizationId, c.programCode, c.year, c.amountPerPerson, c.status,
                c.entitledCount, c.committedTotal, c.createdAt);
    }
}
