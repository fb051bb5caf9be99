package org.unionhub.assistance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends one entry per change, in the transaction of the change: if the change rolls back, so
 * does its entry. The table refuses updates and deletes (a trigger), so the trail is append-only.
 */
@ApplicationScoped
public class AuditTrail {

    public record AuditEntryView(long seq, String entity, String entityId, String action, String actor, Instant at,
                                 JsonNode oldValue, JsonNode newValue) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, Object entityId, String action, String actor, String organizationPath,
                       Object oldValue, Object newValue) {
        em.createNativeQuery("INSERT INTO audit_entry (entity, entity_id, action, actor, at, organization_path, old_value, new_value) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, entity)
                .setParameter(2, String.valueOf(entityId))
                .setParameter(3, action)
                .setParameter(4, actor)
                .setParameter(5, clock.now())
                .setParameter(6, organizationPath)
                .setParameter(7, toJson(oldValue))
                .setParameter(8, toJson(newValue))
                .executeUpdate();
    }

    /**
     * The entries of one record after sequence number {@code after}, oldest first; within a subtree those of its
     * organizations and those without one (programs, funds: visible to all staff).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEntryView> read(String entity, String id, long after, Optional<UUID> subtree, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT id, entity, entity_id, action, actor, at, old_value, new_value FROM audit_entry "
                        + "WHERE entity = ?1 AND entity_id = ?2 AND id > ?3 "
                        + "AND (CAST(?4 AS TEXT) IS NULL OR organization_path IS NULL OR organization_path LIKE CAST(?4 AS TEXT)) "
                        + "ORDER BY id LIMIT ?5", Tuple.class)
                .setParameter(1, entity).setParameter(2, id).setParameter(3, after)
                .setParameter(4, subtree.map(OrganizationPath::subtreePattern).orElse(null))
                .setParameter(5, limit)
                .getResultList();
        return rows.stream().map(r -> new AuditEntryView(r.get(0, Number.class).longValue(), r.get(1, String.class),
                r.get(2, String.class), r.get(3, String.class), r.get(4, String.class), toInstant(r.get(5)),
                parse(r.get(6, String.class)), parse(r.get(7, String.class)))).toList();
    }

    /** True when the record has entries, all of them of organizations outside the subtree. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onlyOutside(String entity, String id, UUID subtree) {
        Tuple counts = (Tuple) em.createNativeQuery("SELECT COUNT(*) FILTER (WHERE organization_path NOT LIKE CAST(?3 AS TEXT)), "
                        + "COUNT(*) FILTER (WHERE organization_path IS NULL OR organization_path LIKE CAST(?3 AS TEXT)) "
                        + "FROM audit_entry WHERE entity = ?1 AND entity_id = ?2", Tuple.class)
                .setParameter(1, entity).setParameter(2, id).setParameter(3, OrganizationPath.subtreePattern(subtree)).getSingleResult();
        return counts.get(0, Number.class).longValue() > 0 && counts.get(1, Number.class).longValue() == 0;
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof OffsetDateTime odt) return odt.toInstant();
        if (o instanceof java.sql.Timestamp ts) return ts.toInstant();
        return o == null ? null : Instant.parse(o.toString());
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value cannot be serialised", e);
        }
    }
}
