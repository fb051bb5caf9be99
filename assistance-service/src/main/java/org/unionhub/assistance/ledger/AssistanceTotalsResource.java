package org.unionhub.assistance.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.assistance.common.Access;
import org.unionhub.assistance.common.BusinessCalendar;
import org.unionhub.assistance.common.Money;
import org.unionhub.assistance.program.Program;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Totals and reports", description = "What members received, within which caps; totals by program and month")
public class AssistanceTotalsResource {

    public record ProgramTotal(String programCode, BigDecimal received, BigDecimal capPerPersonYear, BigDecimal remaining) {
    }

    public record MemberTotals(UUID memberId, int year, BigDecimal total, BigDecimal overallCap, BigDecimal overallRemaining,
                               List<ProgramTotal> programs) {
    }

    public record MonthTotal(String programCode, int month, BigDecimal amount, long entries) {
    }

    public record ProgramYearTotal(String programCode, BigDecimal amount) {
    }

    public record Report(int year, UUID organizationId, BigDecimal total, List<ProgramYearTotal> byProgram, List<MonthTotal> byProgramAndMonth) {
    }

    private final Ledger ledger;
    private final Access access;
    private final EntityManager em;

    public AssistanceTotalsResource(Ledger ledger, Access access, EntityManager em) {
        this.ledger = ledger;
        this.access = access;
        this.em = em;
    }

    @GET
    @Path("/members/{memberId}/assistance")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "A member's aid in a year across programs and what remains of each cap "
            + "(roles: the member himself, staff of his subtree); year defaults to this year")
    public MemberTotals member(@PathParam("memberId") UUID memberId, @QueryParam("year") Integer year) {
        access.requireReadMember(memberId);
        int y = year == null ? BusinessCalendar.today().getYear() : year;
        Map<String, BigDecimal> sums = ledger.committed(memberId, y);
        List<ProgramTotal> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (Program p : Program.<Program>list("money = true ORDER BY code")) {
            BigDecimal received = sums.getOrDefault(p.code, Money.ZERO);
            total = total.add(received);
            lines.add(new ProgramTotal(p.code, received, p.capPerPersonYear, CapCheck.remaining(p.capPerPersonYear, received)));
        }
        BigDecimal overall = ledger.overallCap().orElse(null);
        return new MemberTotals(memberId, y, total, overall, CapCheck.remaining(overall, total), lines);
    }

    @GET
    @Path("/reports/assistance")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "Aid committed in a year by program and month, for an organization's subtree "
            + "(roles: staff inside their subtree, finance, admin)")
    @SuppressWarnings("unchecked")
    public Report report(@QueryParam("year") Integer year, @QueryParam("organizationId") UUID organizationId) {
        if (year == null) {
            throw ProblemException.invalid("year", "is required");
        }
        // finance reports nationally; a token that also carries staff is held to its subtree (the staff scope decides)
        boolean national = access.actor().has(Roles.ADMIN) || access.isFinanceOnly();
        if (organizationId != null) {
            if (!national) {
                access.requireStaffOver(organizationId);
            }
        } else if (!national) {
            organizationId = access.actor().orgId().orElseThrow(() -> ProblemException.invalid("organizationId", "is required"));
        }
        String marker = organizationId == null ? null : "%/" + organizationId + "/%";
        List<Object[]> rows = em.createNativeQuery("SELECT program_code, month, SUM(amount), COUNT(*) FROM aid_entry "
                        + "WHERE year = ?1 AND (CAST(?2 AS TEXT) IS NULL OR organization_path LIKE CAST(?2 AS TEXT)) "
                        + "GROUP BY program_code, month ORDER BY program_code, month")
                .setParameter(1, year).setParameter(2, marker).getResultList();
        List<MonthTotal> months = new ArrayList<>();
        Map<String, BigDecimal> byProgram = new java.util.TreeMap<>();
        BigDecimal total = Money.ZERO;
        for (Object[] r : rows) {
            BigDecimal amount = Money.of((BigDecimal) r[2]);
            months.add(new MonthTotal((String) r[0], ((Number) r[1]).intValue(), amount, ((Number) r[3]).longValue()));
            byProgram.merge((String) r[0], amount, BigDecimal::add);
            total = total.add(amount);
        }
        return new Report(year, organizationId, total,
                byProgram.entrySet().stream().map(e -> new ProgramYearTotal(e.getKey(), e.getValue())).toList(), months);
    }
}
