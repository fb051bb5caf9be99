package org.unionhub.assistance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Appends one entry per change, in the transaction of the change: if the change rolls back, so
 * does its entry. The table refuses updates and deletes (a trigger), so the trail is append-only.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final ObjectMapper json;

    public AuditTrail(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, Object entityId, String action, String actor, String organizationPath,
                       Object oldValue, Object newValue) {
        em.createNativeQuery("INSERT INTO audit_entry (entity, entity_id, action, actor, at, organization_path, old_value, new_value) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, entity)
                .setParameter(2, String.valueOf(entityId))
                .setParameter(3, action)
                .setParameter(4, actor)
                .setParameter(5, Instant.now())
                .setParameter(6, organizationPath)
                .setParameter(7, toJson(oldValue))
                .setParameter(8, toJson(newValue))
                .executeUpdate();
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
