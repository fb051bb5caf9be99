package org.unionhub.membership.demand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.paging.Cursor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The lists of demands and forums, keyset-paged (limit + 1 rows; the cursor carries the sort key of the last row). */
@ApplicationScoped
public class DemandQueries {

    @Inject
    EntityManager em;

    /** A member's demands, newest first. */
    @SuppressWarnings("unchecked")
    public List<Demand> ofMember(UUID memberId, boolean openOnly, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(memberId));
        StringBuilder sql = new StringBuilder("SELECT d.* FROM demand d WHERE d.member_id = ?1");
        if (openOnly) {
            sql.append(" AND d.closed_at IS NULL");
        }
        if (!page.first()) {
            Cursor after = page.cursor(2);
            params.add(after.instant(0));
            params.add(after.uuid(1));
            sql.append(" AND (d.raised_at, d.id) < (?2, ?3)");
        }
        sql.append(" ORDER BY d.raised_at DESC, d.id DESC LIMIT ").append(page.limit() + 1);
        return bind(em.createNativeQuery(sql.toString(), Demand.class), params).getResultList();
    }

    /**
     * Demands answered by, or raised by members of, the organization's subtree; the most urgent (earliest due) first.
     *
     * @param overdueAt when not null, only the open demands due before it
     */
    @SuppressWarnings("unchecked")
    public List<Demand> ofSubtree(String path, boolean openOnly, Instant overdueAt, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(path + "%"));
        StringBuilder sql = new StringBuilder("SELECT d.* FROM demand d "
                + "JOIN organization ao ON ao.id = d.answering_organization_id "
                + "JOIN organization mo ON mo.id = d.member_organization_id "
                + "WHERE (ao.path LIKE ?1 OR mo.path LIKE ?1)");
        if (openOnly || overdueAt != null) {
            sql.append(" AND d.closed_at IS NULL");
        }
        if (overdueAt != null) {
            params.add(overdueAt);
            sql.append(" AND d.due_at < ?").append(params.size());
        }
        if (!page.first()) {
            Cursor after = page.cursor(2);
            params.add(after.instant(0));
            params.add(after.uuid(1));
            sql.append(" AND (d.due_at, d.id) > (?").append(params.size() - 1).append(", ?").append(params.size()).append(")");
        }
        sql.append(" ORDER BY d.due_at, d.id LIMIT ").append(page.limit() + 1);
        return bind(em.createNativeQuery(sql.toString(), Demand.class), params).getResultList();
    }

    /** Forums held in the organization's subtree (in a year, when given), newest first. */
    @SuppressWarnings("unchecked")
    public List<Forum> forumsOfSubtree(String path, Integer year, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(path + "%"));
        StringBuilder sql = new StringBuilder("SELECT f.* FROM forum f JOIN organization o ON o.id = f.organization_id "
                + "WHERE o.path LIKE ?1");
        if (year != null) {
            params.add(LocalDate.of(year, 1, 1));
            params.add(LocalDate.of(year + 1, 1, 1));
            sql.append(" AND f.held_on >= ?2 AND f.held_on < ?3");
        }
        if (!page.first()) {
            Cursor after = page.cursor(2);
            params.add(after.date(0));
            params.add(after.uuid(1));
            sql.append(" AND (f.held_on, f.id) < (?").append(params.size() - 1).append(", ?").append(params.size()).append(")");
        }
        sql.append(" ORDER BY f.held_on DESC, f.id DESC LIMIT ").append(page.limit() + 1);
        return bind(em.createNativeQuery(sql.toString(), Forum.class), params).getResultList();
    }

    private static Query bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }
}
