package org.unionhub.assistance.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unionhub.assistance.program.Program;
import org.unionhub.assistance.program.ProgramFund;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Commits aid to a member within his caps and the program's fund, even when approvals race.
 *
 * <p>Locks, always in this order so that two transactions never wait on each other in a circle:
 * (1) the member's row for the year ({@code SELECT ... FOR UPDATE}): every commitment for one
 * member and year queues here, so the sums read next are final; (2) the fund's row (the
 * {@link ProgramFund} entity, locked for update), which adds to {@code reserved} only while it stays
 * within the amount; the table's CHECK is the last guard.
 * Callers that lock an application row do so before calling here.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager em;
    private final Optional<BigDecimal> overallCap;
    private final BusinessClock clock;

    public Ledger(EntityManager em, BusinessClock clock,
                  @ConfigProperty(name = "assistance.overall-cap-per-person-year") Optional<BigDecimal> overallCap) {
        this.em = em;
        this.clock = clock;
        this.overallCap = overallCap.map(Amounts::of);
    }

    public record Entry(UUID memberId, String organizationPath, String programCode, int year, int month,
                        BigDecimal amount, String source, UUID sourceId, String actor) {
    }

    /** Reserves the amount for the member (caps) and from the program's fund of the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commit(Entry e, Program program) {
        lockMember(e.memberId(), e.year());
        Map<String, BigDecimal> sums = committed(e.memberId(), e.year());
        BigDecimal programSoFar = sums.getOrDefault(e.programCode(), Amounts.ZERO);
        BigDecimal overallSoFar = sums.values().stream().reduce(Amounts.ZERO, BigDecimal::add);
        CapCheck.check(e.programCode(), program.capPerPersonYear, overallCap.orElse(null), programSoFar, overallSoFar, e.amount());
        reserveFromFund(e.programCode(), e.year(), e.amount());
        insert(e, e.amount());
    }

    /** Gives back what an entry reserved (an approval rejected at the second level). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Entry e) {
        lockMember(e.memberId(), e.year());
        giveBackToFund(e.programCode(), e.year(), e.amount());
        insert(e, e.amount().negate());
    }

    /** What became of one entry of {@link #commitAll}. */
    public enum Outcome { COMMITTED, CAP_EXCEEDED, OVERALL_CAP_EXCEEDED, FUND_EXHAUSTED }

    /**
     * @param outcomes      one per entry, in the order given
     * @param committed     the sum of the entries committed (or, for a preview, that would be)
     * @param fundRemaining what the fund holds after them; null when the program has no fund for the year
     */
    public record Batch(List<Outcome> outcomes, BigDecimal committed, BigDecimal fundRemaining) {
    }

    /**
     * Commits many entries of one program and year at once (a relief campaign): each within its member's caps, and, in
     * the order given, as many as the fund holds. An entry that does not fit is not committed and says why; nothing
     * is thrown for it. Without a fund for the year: {@code 422 no-fund}.
     *
     * <p>The same locks in the same order as {@link #commit}: first every member's row of the year (taken in the
     * database's uuid order, so that two batches never wait on each other in a circle), then the fund's row. The sums
     * read under those locks are final, so racing approvals and batches never pass a cap or the fund. Set-based SQL
     * keeps ten thousand members to a handful of statements.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch commitAll(List<Entry> entries, Program program) {
        if (entries.isEmpty()) {
            return new Batch(List.of(), Amounts.ZERO, null);
        }
        int year = sameProgramAndYear(entries, program.code);
        List<UUID> members = entries.stream().map(Entry::memberId).toList();
        lockMembers(members, year);
        Map<UUID, Map<String, BigDecimal>> sums = committedAll(members, year);
        ProgramFund fund = lockFund(program.code, year);
        if (fund == null) {
            throw noFund(program.code, year);
        }
        Batch batch = plan(entries, program.capPerPersonYear, overallCap.orElse(null), sums, fund.remaining());
        if (batch.committed().signum() > 0) {
            // the fund's row is ours until commit; the check and the table's CHECK stay as the last guard
            if (!fund.reserve(batch.committed())) {
                throw new IllegalStateException("fund " + program.code + "/" + year + " changed under its lock");
            }
            List<Entry> fitting = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (batch.outcomes().get(i) == Outcome.COMMITTED) {
                    fitting.add(entries.get(i));
                }
            }
            insertAll(fitting, false);
        }
        return batch;
    }

    /**
     * What {@link #commitAll} would do now, without locks and without writing anything: a preview, which a racing
     * approval may make stale. Without a fund every entry that fits its caps is {@code FUND_EXHAUSTED}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch previewAll(List<Entry> entries, Program program) {
        if (entries.isEmpty()) {
            return new Batch(List.of(), Amounts.ZERO, null);
        }
        int year = sameProgramAndYear(entries, program.code);
        Map<UUID, Map<String, BigDecimal>> sums = committedAll(entries.stream().map(Entry::memberId).toList(), year);
        ProgramFund fund = ProgramFund.findById(new ProgramFund.Key(program.code, year));
        BigDecimal remaining = fund == null ? null : fund.remaining();
        Batch batch = plan(entries, program.capPerPersonYear, overallCap.orElse(null), sums, remaining == null ? Amounts.ZERO : remaining);
        return remaining == null ? new Batch(batch.outcomes(), batch.committed(), null) : batch;
    }

    /** The arithmetic of a batch, in the order given: caps first, then the fund while it holds the amount. */
    static Batch plan(List<Entry> entries, BigDecimal programCap, BigDecimal overall,
                      Map<UUID, Map<String, BigDecimal>> sums, BigDecimal fundRemaining) {
        BigDecimal remaining = Amounts.of(fundRemaining);
        BigDecimal total = Amounts.ZERO;
        List<Outcome> outcomes = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Map<String, BigDecimal> own = sums.getOrDefault(e.memberId(), Map.of());
            BigDecimal programSoFar = own.getOrDefault(e.programCode(), Amounts.ZERO);
            BigDecimal overallSoFar = own.values().stream().reduce(Amounts.ZERO, BigDecimal::add);
            Outcome o;
            if (!CapCheck.fits(programCap, null, programSoFar, overallSoFar, e.amount())) {
                o = Outcome.CAP_EXCEEDED;
            } else if (!CapCheck.fits(null, overall, programSoFar, overallSoFar, e.amount())) {
                o = Outcome.OVERALL_CAP_EXCEEDED;
            } else if (e.amount().compareTo(remaining) > 0) {
                o = Outcome.FUND_EXHAUSTED;
            } else {
                o = Outcome.COMMITTED;
                remaining = remaining.subtract(e.amount());
                total = total.add(e.amount());
            }
            outcomes.add(o);
        }
        return new Batch(outcomes, total, remaining);
    }

    /** Gives back many entries of one program and year (entitlements not paid); same locks and order as {@link #commitAll}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int year = sameProgramAndYear(entries, entries.get(0).programCode());
        lockMembers(entries.stream().map(Entry::memberId).toList(), year);
        BigDecimal total = entries.stream().map(Entry::amount).reduce(Amounts.ZERO, BigDecimal::add);
        giveBackToFund(entries.get(0).programCode(), year, total);
        insertAll(entries, true);
    }

    /** Committed aid of a member in a year, by program. */
    public Map<String, BigDecimal> committed(UUID memberId, int year) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT program_code, SUM(amount) FROM aid_entry WHERE member_id = ?1 AND year = ?2 "
                        + "GROUP BY program_code", Tuple.class)
                .setParameter(1, memberId).setParameter(2, year).getResultList();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Tuple r : rows) {
            sums.put(r.get(0, String.class), Amounts.of(r.get(1, BigDecimal.class)));
        }
        return sums;
    }

    /** Committed aid of many members in a year, by member and program. */
    public Map<UUID, Map<String, BigDecimal>> committedAll(List<UUID> members, int year) {
        Map<UUID, Map<String, BigDecimal>> sums = new HashMap<>();
        SetBasedSql.run(em, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT member_id, program_code, SUM(amount) FROM aid_entry "
                    + "WHERE year = ? AND member_id = ANY(?) GROUP BY member_id, program_code")) {
                st.setInt(1, year);
                st.setArray(2, c.createArrayOf("uuid", members.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sums.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                                .put(rs.getString(2), Amounts.of(rs.getBigDecimal(3)));
                    }
                }
            }
        });
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

    /** Every member's row of the year, created when missing, locked in the database's uuid order. */
    private void lockMembers(List<UUID> members, int year) {
        SetBasedSql.run(em, c -> {
            Object array = c.createArrayOf("uuid", members.toArray());
            try (PreparedStatement st = c.prepareStatement("INSERT INTO member_year_lock (member_id, year) "
                    + "SELECT m, ? FROM unnest(?::uuid[]) AS u(m) ORDER BY m ON CONFLICT DO NOTHING")) {
                st.setInt(1, year);
                st.setArray(2, (java.sql.Array) array);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT member_id FROM member_year_lock "
                    + "WHERE year = ? AND member_id = ANY(?) ORDER BY member_id FOR UPDATE")) {
                st.setInt(1, year);
                st.setArray(2, (java.sql.Array) array);
                st.executeQuery().close();
            }
        });
    }

    /** The fund's row of the year, locked until commit (after the members' rows: the one order); null without a fund. */
    private static ProgramFund lockFund(String programCode, int year) {
        return ProgramFund.findById(new ProgramFund.Key(programCode, year), LockModeType.PESSIMISTIC_WRITE);
    }

    private static void giveBackToFund(String programCode, int year, BigDecimal amount) {
        ProgramFund fund = lockFund(programCode, year);
        if (fund != null) {
            fund.release(amount);
        }
    }

    private static ProblemException noFund(String programCode, int year) {
        return ProblemException.rule("no-fund", "program " + programCode + " has no fund for " + year + ": open one first");
    }

    private static int sameProgramAndYear(List<Entry> entries, String programCode) {
        int year = entries.get(0).year();
        Set<UUID> seen = new HashSet<>();
        for (Entry e : entries) {
            if (e.year() != year || !e.programCode().equals(programCode)) {
                throw new IllegalArgumentException("a batch is of one program and year");
            }
            if (!seen.add(e.memberId())) {
                throw new IllegalArgumentException("a batch holds one entry per member: " + e.memberId());
            }
        }
        return year;
    }

    private void insertAll(List<Entry> entries, boolean negate) {
        int n = entries.size();
        UUID[] members = new UUID[n];
        String[] paths = new String[n];
        Integer[] months = new Integer[n];
        BigDecimal[] amounts = new BigDecimal[n];
        String[] sources = new String[n];
        UUID[] sourceIds = new UUID[n];
        String[] actors = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            members[i] = e.memberId();
            paths[i] = e.organizationPath();
            months[i] = e.month();
            amounts[i] = negate ? e.amount().negate() : e.amount();
            sources[i] = e.source();
            sourceIds[i] = e.sourceId();
            actors[i] = e.actor();
        }
        Entry first = entries.get(0);
        SetBasedSql.run(em, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO aid_entry (member_id, organization_path, program_code, year, month, "
                    + "amount, source, source_id, recorded_at, recorded_by) SELECT u.m, u.p, ?, ?, u.mo, u.a, u.s, u.sid, ?, u.by "
                    + "FROM unnest(?::uuid[], ?::text[], ?::int[], ?::numeric[], ?::text[], ?::uuid[], ?::text[]) AS u(m, p, mo, a, s, sid, by)")) {
                st.setString(1, first.programCode());
                st.setInt(2, first.year());
                st.setTimestamp(3, Timestamp.from(clock.now()));
                st.setArray(4, c.createArrayOf("uuid", members));
                st.setArray(5, c.createArrayOf("text", paths));
                st.setArray(6, c.createArrayOf("int4", months));
                st.setArray(7, c.createArrayOf("numeric", amounts));
                st.setArray(8, c.createArrayOf("text", sources));
                st.setArray(9, c.createArrayOf("uuid", sourceIds));
                st.setArray(10, c.createArrayOf("text", actors));
                st.executeUpdate();
            }
        });
    }

    private static void reserveFromFund(String programCode, int year, BigDecimal amount) {
        ProgramFund fund = lockFund(programCode, year);
        if (fund == null) {
            throw noFund(programCode, year);
        }
        if (!fund.reserve(amount)) {
            BigDecimal remaining = fund.remaining();
            throw ProblemException.rule("fund-exhausted", amount + " is above what remains of the " + year + " fund of "
                    + programCode + ": " + remaining).with("remaining", remaining);
        }
    }

    private void insert(Entry e, BigDecimal amount) {
        em.createNativeQuery("INSERT INTO aid_entry (member_id, organization_path, program_code, year, month, amount, source, source_id, recorded_at, recorded_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, e.memberId()).setParameter(2, e.organizationPath()).setParameter(3, e.programCode())
                .setParameter(4, e.year()).setParameter(5, e.month()).setParameter(6, amount).setParameter(7, e.source())
                .setParameter(8, e.sourceId()).setParameter(9, clock.now()).setParameter(10, e.actor())
                .executeUpdate();
    }
}
