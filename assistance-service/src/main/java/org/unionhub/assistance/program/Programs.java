package org.unionhub.assistance.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.assistance.program.ProgramApi.FundRequest;
import org.unionhub.assistance.program.ProgramApi.FundView;
import org.unionhub.assistance.program.ProgramApi.ProgramRequest;
import org.unionhub.assistance.program.ProgramApi.ProgramView;
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.List;

/** Programs and their yearly funds: national rules, created and changed by admins only, each change audited. */
@ApplicationScoped
public class Programs {

    @Inject
    AuditTrail audit;
    @Inject
    BusinessClock clock;

    public Program require(String code) {
        Program p = Program.<Program>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("program", code));
        return p;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ProgramView create(ProgramRequest r, String actor) {
        if (r.code() == null) {
            throw ProblemException.invalid("code", "is required");
        }
        if (Program.findById(r.code()) != null) {
            throw ProblemException.conflict("duplicate", "program " + r.code() + " exists already");
        }
        Program p = new Program();
        p.code = r.code();
        apply(p, r, actor);
        p.version = 1;
        p.persist();
        ProgramView view = ProgramView.of(p);
        audit.record("program", p.code, "created", actor, null, null, view);
        return view;
    }

    /**
     * Replaces a program's rules. {@code ifMatch} is the version the caller read (required: these
     * rules bind every application in the country, so a change made on a stale copy must never
     * silently undo someone else's). The row is locked first, so two edits with the same version
     * queue and the second gets 412, not a lost update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProgramView update(String code, long ifMatch, ProgramRequest r, String actor) {
        Program p = Program.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("program", code);
        }
        if (r.code() != null && !r.code().equals(code)) {
            throw ProblemException.invalid("code", "a program's code never changes");
        }
        ETags.check(ifMatch, p.version, "program " + code);
        ProgramView before = ProgramView.of(p);
        apply(p, r, actor);
        // @Version raises the version on flush; flush now so the answer and its ETag carry the new one
        Program.flush();
        ProgramView after = ProgramView.of(p);
        audit.record("program", code, "rules-changed", actor, null, before, after);
        return after;
    }

    private void apply(Program p, ProgramRequest r, String actor) {
        p.name = r.name();
        p.description = r.description();
        p.money = r.money();
        p.capPerPersonYear = Amounts.of(r.capPerPersonYear());
        p.capPerApplication = Amounts.of(r.capPerApplication());
        p.secondApprovalThreshold = Amounts.of(r.secondApprovalThreshold());
        p.requiresActiveMembership = r.requiresActiveMembership() == null || r.requiresActiveMembership();
        p.requiresHardshipFile = r.requiresHardshipFile() != null && r.requiresHardshipFile();
        List<String> keys = r.requiredDetails() == null ? List.of() : r.requiredDetails();
        p.requiredDetails = String.join(",", keys);
        p.limitedByDetail = r.limitedByDetail();
        p.updatedAt = clock.now();
        p.updatedBy = actor;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FundView createFund(String code, FundRequest r, String actor) {
        Program p = require(code);
        if (!p.money) {
            throw ProblemException.rule("not-a-money-program", code + " pays no money and has no fund");
        }
        if (r.year() < 2000 || r.year() > 2200) {
            throw ProblemException.invalid("year", "must be between 2000 and 2200");
        }
        var amount = Amounts.of(r.amount());
        ProgramFund.Key key = new ProgramFund.Key(code, r.year());
        if (ProgramFund.findById(key) != null) {
            throw ProblemException.conflict("duplicate", "program " + code + " has a fund for " + r.year() + " already");
        }
        ProgramFund f = new ProgramFund();
        f.id = key;
        f.amount = amount;
        f.reserved = Amounts.ZERO;
        f.version = 1;
        f.createdAt = clock.now();
        f.createdBy = actor;
        f.persist();
        FundView view = FundView.of(f);
        audit.record("fund", code + ":" + r.year(), "created", actor, null, null, view);
        return view;
    }

    public FundView fund(String code, int year) {
        require(code);
        ProgramFund f = ProgramFund.findById(new ProgramFund.Key(code, year));
        if (f == null) {
            throw ProblemException.notFound("fund of " + code + " for year", year);
        }
        return FundView.of(f);
    }
}
