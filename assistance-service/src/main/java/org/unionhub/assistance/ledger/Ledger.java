package org.unionhub.assistance.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unionhub.assistance.common.Money;
import org.unionhub.assistance.program.Program;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Commits aid to a member within his caps and the program's fund, even when approvals race.
 *
 * <p>Locks, always in this order so that two transactions never wait on each other in a circle:
 * (1) the member's row for the year ({@code SELECT ... FOR UPDATE}): every commitment for one
 * member and year queues here, so the sums read next are final; (2) the fund's row, by a
 * conditional {@code UPDATE} that adds to {@code reserved} only while it stays within the amount.
 * Callers that lock an application row do so before calling here.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager em;
    private final Optional<BigDecimal> overallCap;

    public Ledger(EntityManager em,
                  @ConfigProperty(name = "assistance.overall-cap-per-person-year") Optional<BigDecimal> overallCap) {
        this.em = em;
        this.overallCap = overallCap.map(Money::of);
    }

    public record Entry(UUID memberId, String organizationPath, String programCode, int year, int month,
                        BigDecimal amount, String source, UUID sourceId, String actor) {
    }

    /** Reserves the amount for the member (caps) and from the program's fund of the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commit(Entry e, Program program) {
        lockMember(e.memberId(), e.year());
        Map<String, BigDecimal> sums = committed(e.memberId(), e.year());
        BigDecimal programSoFar = sums.getOrDefault(e.programCode(), Money.ZERO);
        BigDecimal overallSoFar = sums.values().stream().reduce(Money.ZERO, BigDecimal::add);
        CapCheck.check(e.programCode(), program.capPerPersonYear, overallCap.orElse(null), programSoFar, overallSoFar, e.amount());
        reserveFromFund(e.programCode(), e.year(), e.amount());
        insert(e, e.amount());
    }

    /** Gives back what an entry reserved (an approval rejected at the second level). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Entry e) {
        lockMember(e.memberId(), e.year());
        em.createNativeQuery("UPDATE program_fund SET reserved = reserved - ?1, version = version + 1 WHERE program_code = ?2 AND year = ?3")
                .setParameter(1, e.amount()).setParameter(2, e.programCode()).setParameter(3, e.year()).executeUpdate();
        insert(e, e.amount().negate());
    }

    /** Committed aid of a member in a year, by program. */
    @SuppressWarnings("unchecked")
    public Map<String, BigDecimal> committed(UUID memberId, int year) {
        List<Object[]> rows = em.createNativeQuery("SELECT program_code, SUM(amount) FROM aid_entry WHERE member_id = ?1 AND year = ?2 GROUP BY program_code")
                .setParameter(1, memberId).setParameter(2, year).getResultList();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Object[] r : rows) {
            sums.put((String) r[0], Money.of((BigDecimal) r[1]));
        }
        return sums;
    }

    public Optional<BigDecimal> overallCap() {
        return overallCap;
    }

    private void lockMember(UUID memberId, int year) {
        em.createNativeQuery("INSERT INTO member_year_lock (member_id, year) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, memberId).setParameter(2, year).executeUpdate();
        em.createNativeQuery("SELECT member_id FROM member_year_lock WHERE member_id = ?1 AND year = ?2 FOR UPDATE")
                .setParameter(1, memberId).setParameter(2, year).getResultList();
    }

    private void reserveFromFund(String programCode, int year, BigDecimal amount) {
        int updated = em.createNativeQuery("UPDATE program_fund SET reserved = reserved + ?1, version = version + 1 "
                        + "WHERE program_code = ?2 AND year = ?3 AND reserved + ?1 <= amount")
                .setParameter(1, amount).setParameter(2, programCode).setParameter(3, year).executeUpdate();
        if (updated == 1) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> fund = em.createNativeQuery("SELECT amount, reserved FROM program_fund WHERE program_code = ?1 AND year = ?2")
                .setParameter(1, programCode).setParameter(2, year).getResultList();
        if (fund.isEmpty()) {
            throw ProblemException.rule("no-fund", "program " + programCode + " has no fund for " + year + ": open one first");
        }
        BigDecimal remaining = ((BigDecimal) fund.get(0)[0]).subtract((BigDecimal) fund.get(0)[1]);
        throw ProblemException.rule("fund-exhausted", amount + " is above what remains of the " + year + " fund of "
                + programCode + ": " + Money.of(remaining)).with("remaining", Money.of(remaining));
    }

    private void insert(Entry e, BigDecimal amount) {
        em.createNativeQuery("INSERT INTO aid_entry (member_id, organization_path, program_code, year, month, amount, source, source_id, recorded_at, recorded_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, e.memberId()).setParameter(2, e.organizationPath()).setParameter(3, e.programCode())
                .setParameter(4, e.year()).setParameter(5, e.month()).setParameter(6, amount).setParameter(7, e.source())
                .setParameter(8, e.sourceId()).setParameter(9, Instant.now()).setParameter(10, e.actor())
                .executeUpdate();
    }
}
