package org.unionhub.assistance.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.assistance.ledger.SetBasedSql;
import org.unionhub.platform.identity.OrganizationPath;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The set-based SQL of relief campaigns: ten thousand members are a few statements with array parameters, never ten
 * thousand round trips.
 */
@ApplicationScoped
public class ReliefStore {

    /** An eligible member, in the order the fund serves them. */
    public record Candidate(UUID memberId, UUID organizationId, String organizationPath, String hardshipLevel) {
    }

    /** An entitlement row as the campaign writes it. */
    public record Row(UUID id, UUID memberId, UUID organizationId, String organizationPath, String status, String reason) {
    }

    /** An entitlement that changed state at disbursement. */
    public record Settled(UUID id, UUID memberId, UUID organizationId, String organizationPath, BigDecimal amount,
                          UUID payoutId, String memberStatus) {
    }

    @Inject
    EntityManager em;

    /**
     * ACTIVE members of the campaign's subtree who meet its eligibility, by the member projection as it stands. Order:
     * open hardship files first (extreme, serious, general), then the rest, each by member id; when the fund runs out,
     * the last in this order go without.
     */
    public List<Candidate> candidates(ReliefCampaign c) {
        List<Candidate> out = new ArrayList<>();
        SetBasedSql.run(em, conn -> {
            try (PreparedStatement st = conn.prepareStatement("""
                    SELECT m.id, m.organization_id, m.organization_path, h.level
                    FROM member_view m
                    LEFT JOIN hardship_file h ON h.member_id = m.id AND h.status = 'OPEN'
                    WHERE m.status = 'ACTIVE' AND m.organization_path LIKE ?
                      AND (cardinality(?::text[]) = 0 OR m.employment_form = ANY(?::text[]))
                      AND (NOT ? OR h.id IS NOT NULL)
                      AND (cardinality(?::text[]) = 0 OR h.level = ANY(?::text[]))
                    ORDER BY CASE h.level WHEN 'EXTREME' THEN 0 WHEN 'SERIOUS' THEN 1 WHEN 'GENERAL' THEN 2 ELSE 3 END, m.id""")) {
                java.sql.Array forms = conn.createArrayOf("text", c.employmentFormList().toArray());
                java.sql.Array levels = conn.createArrayOf("text", c.hardshipLevelList().toArray());
                st.setString(1, OrganizationPath.subtreePattern(c.organizationId));
                st.setArray(2, forms);
                st.setArray(3, forms);
                st.setBoolean(4, c.hardshipRequired);
                st.setArray(5, levels);
                st.setArray(6, levels);
                st.setFetchSize(2000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        });
        return out;
    }

    public void insertEntitlements(UUID campaignId, BigDecimal amount, List<Row> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        UUID[] members = new UUID[n];
        UUID[] orgs = new UUID[n];
        String[] paths = new String[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.id();
            members[i] = r.memberId();
            orgs[i] = r.organizationId();
            paths[i] = r.organizationPath();
            statuses[i] = r.status();
            reasons[i] = r.reason();
        }
        SetBasedSql.run(em, conn -> {
            try (PreparedStatement st = conn.prepareStatement("INSERT INTO relief_entitlement (id, campaign_id, member_id, "
                    + "organization_id, organization_path, amount, status, reason, created_at) "
                    + "SELECT u.id, ?, u.m, u.o, u.p, ?, u.s, u.r, ? "
                    + "FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) AS u(id, m, o, p, s, r)")) {
                st.setObject(1, campaignId);
                st.setBigDecimal(2, amount);
                st.setTimestamp(3, Timestamp.from(at));
                st.setArray(4, conn.createArrayOf("uuid", ids));
                st.setArray(5, conn.createArrayOf("uuid", members));
                st.setArray(6, conn.createArrayOf("uuid", orgs));
                st.setArray(7, conn.createArrayOf("text", paths));
                st.setArray(8, conn.createArrayOf("text", statuses));
                st.setArray(9, conn.createArrayOf("text", reasons));
                st.executeUpdate();
            }
        });
    }

    /** Committed entitlements of members no longer ACTIVE in the projection: forfeited now, never paid. */
    public List<Settled> forfeitInactive(UUID campaignId, Instant at) {
        return settle("""
                UPDATE relief_entitlement e SET status = 'FORFEITED', forfeited_at = ?,
                       reason = 'MEMBER_NOT_ACTIVE:' || COALESCE((SELECT m.status FROM member_view m WHERE m.id = e.member_id), 'UNKNOWN')
                WHERE e.campaign_id = ? AND e.status = 'COMMITTED'
                  AND NOT EXISTS (SELECT 1 FROM member_view m WHERE m.id = e.member_id AND m.status = 'ACTIVE')
                RETURNING e.id, e.member_id, e.organization_id, e.organization_path, e.amount, e.payout_id, e.reason""",
                at, campaignId, null);
    }

    /** Every entitlement still COMMITTED becomes PAID with its own payout id; the status test pays each once. */
    public List<Settled> payCommitted(UUID campaignId, Instant at, String actor) {
        return settle("""
                UPDATE relief_entitlement SET status = 'PAID', payout_id = gen_random_uuid(), paid_at = ?, paid_by = ?
                WHERE campaign_id = ? AND status = 'COMMITTED'
                RETURNING id, member_id, organization_id, organization_path, amount, payout_id, NULL""",
                at, campaignId, actor);
    }

    private List<Settled> settle(String sql, Instant at, UUID campaignId, String actor) {
        List<Settled> out = new ArrayList<>();
        SetBasedSql.run(em, conn -> {
            try (PreparedStatement st = conn.prepareStatement(sql)) {
                int i = 1;
                st.setTimestamp(i++, Timestamp.from(at));
                if (actor != null) {
                    st.setString(i++, actor);
                }
                st.setObject(i, campaignId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Settled(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getString(4), Amounts.of(rs.getBigDecimal(5)), rs.getObject(6, UUID.class), rs.getString(7)));
                    }
                }
            }
        });
        return out;
    }

    /** A page of a campaign's entitlements by member id, {@code limit + 1} rows. */
    public List<ReliefApi.EntitlementView> entitlements(UUID campaignId, String status, UUID afterMember, int limitPlusOne) {
        List<ReliefApi.EntitlementView> out = new ArrayList<>();
        SetBasedSql.run(em, conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT id, member_id, organization_id, amount, status, reason, payout_id, paid_at "
                    + "FROM relief_entitlement WHERE campaign_id = ? AND (CAST(? AS TEXT) IS NULL OR status = ?) "
                    + "AND (CAST(? AS UUID) IS NULL OR member_id > CAST(? AS UUID)) ORDER BY member_id LIMIT ?")) {
                st.setObject(1, campaignId);
                st.setString(2, status);
                st.setString(3, status);
                st.setObject(4, afterMember);
                st.setObject(5, afterMember);
                st.setInt(6, limitPlusOne);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Timestamp paidAt = rs.getTimestamp(8);
                        out.add(new ReliefApi.EntitlementView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), Amounts.of(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6),
                                rs.getObject(7, UUID.class), paidAt == null ? null : paidAt.toInstant()));
                    }
                }
            }
        });
        return out;
    }

    /** A member's entitlements (not the SKIPPED rows) in campaigns of a year, newest first. */
    public List<ReliefApi.MemberReliefItem> memberRelief(UUID memberId, int year) {
        List<ReliefApi.MemberReliefItem> out = new ArrayList<>();
        SetBasedSql.run(em, conn -> {
            try (PreparedStatement st = conn.prepareStatement("SELECT e.id, c.id, c.name, c.program_code, e.amount, e.status, e.reason, e.paid_at "
                    + "FROM relief_entitlement e JOIN relief_campaign c ON c.id = e.campaign_id "
                    + "WHERE e.member_id = ? AND c.year = ? AND e.status <> 'SKIPPED' ORDER BY e.created_at DESC, e.id")) {
                st.setObject(1, memberId);
                st.setInt(2, year);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Timestamp paidAt = rs.getTimestamp(8);
                        out.add(new ReliefApi.MemberReliefItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), Amounts.of(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7),
                                paidAt == null ? null : paidAt.toInstant()));
                    }
                }
            }
        });
        return out;
    }
}
