package org.unionhub.assistance.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.access.FinanceAccess;
import org.unionhub.assistance.program.Program;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What the ledger adds up: a member's aid and caps in a year, and a subtree's aid by program and month. */
@ApplicationScoped
public class Totals {

    public record ProgramTotal(String programCode, BigDecimal received, BigDecimal capPerPersonYear, BigDecimal remaining) {
    }

    public record MemberTotals(UUID memberId, int year, BigDecimal total, BigDecimal overallCap, BigDecimal overallRemaining,
                               List<ProgramTotal> programs) {
    }

    public record MonthTotal(String programCode, int month, BigDecimal amount, long entries) {
        static MonthTotal of(Tuple row) {
            return new MonthTotal(row.get(0, String.class), row.get(1, Number.class).intValue(),
                    Amounts.of(row.get(2, BigDecimal.class)), row.get(3, Number.class).longValue());
        }
    }

    public record ProgramYearTotal(String programCode, BigDecimal amount) {
    }

    public record Report(int year, UUID organizationId, BigDecimal total, List<ProgramYearTotal> byProgram, List<MonthTotal> byProgramAndMonth) {
    }

    @Inject
    Ledger ledger;
    @Inject
    Access access;
    @Inject
    FinanceAccess finance;
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public MemberTotals member(UUID memberId, int year) {
        access.requireReadMember(memberId);
        Map<String, BigDecimal> sums = ledger.committed(memberId, year);
        List<ProgramTotal> lines = new ArrayList<>();
        BigDecimal total = Amounts.ZERO;
        for (Program p : Program.<Program>list("money = true ORDER BY code")) {
            BigDecimal received = sums.getOrDefault(p.code, Amounts.ZERO);
            total = total.add(received);
            lines.add(new ProgramTotal(p.code, received, p.capPerPersonYear, CapCheck.remaining(p.capPerPersonYear, received)));
        }
        BigDecimal overall = ledger.overallCap().orElse(null);
        return new MemberTotals(memberId, year, total, overall, CapCheck.remaining(overall, total), lines);
    }

    /** Finance and admins report nationally; a token that also carries staff is held to its subtree (the staff scope decides). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Report report(int year, UUID organizationId) {
        boolean national = finance.readsNationally();
        if (organizationId != null) {
            if (!national) {
                access.requireStaffOver(organizationId);
            }
        } else if (!national) {
            organizationId = access.actor().orgId().orElseThrow(() -> ProblemException.invalid("organizationId", "is required"));
        }
        String subtree = organizationId == null ? null : OrganizationPath.subtreePattern(organizationId);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT program_code, month, SUM(amount), COUNT(*) FROM aid_entry "
                        + "WHERE year = ?1 AND (CAST(?2 AS TEXT) IS NULL OR organization_path LIKE CAST(?2 AS TEXT)) "
                        + "GROUP BY program_code, month ORDER BY program_code, month", Tuple.class)
                .setParameter(1, year).setParameter(2, subtree).getResultList();
        List<MonthTotal> months = rows.stream().map(MonthTotal::of).toList();
        Map<String, BigDecimal> byProgram = new TreeMap<>();
        BigDecimal total = Amounts.ZERO;
        for (MonthTotal m : months) {
            byProgram.merge(m.programCode(), m.amount(), BigDecimal::add);
            total = total.add(m.amount());
        }
        return new Report(year, organizationId, total,
                byProgram.entrySet().stream().map(e -> new ProgramYearTotal(e.getKey(), e.getValue())).toList(), months);
    }
}
