package org.unionhub.assistance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.assistance.common.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The append-only trail of every change to applications, files, funds and cases")
public class AuditResource {

    public record AuditEntryView(long seq, String entity, String entityId, String action, String actor, Instant at,
                                 JsonNode oldValue, JsonNode newValue) {
    }

    private final EntityManager em;
    private final Access access;
    private final ObjectMapper json;

    public AuditResource(EntityManager em, Access access, ObjectMapper json) {
        this.em = em;
        this.access = access;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "The audit trail of one entity (roles: staff inside their subtree, admin), oldest first; a record of another subtree is 403",
            description = "entity is one of application, hardship-file, fund, program, legal-case, visit, mutual-aid-enrollment, referral")
    public Page<AuditEntryView> trail(@QueryParam("entity") String entity, @QueryParam("id") String id,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (entity == null || entity.isBlank()) {
            throw ProblemException.invalid("entity", "is required");
        }
        if (id == null || id.isBlank()) {
            throw ProblemException.invalid("id", "is required");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        long after = 0;
        if (!page.first()) {
            try {
                after = Long.parseLong(page.after().get(0));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API gave out");
            }
        }
        String marker = access.subtreeMarker();
        if (marker != null && outsideOnly(entity, id, marker)) {
            // a record of another subtree: say so, rather than answer an empty trail that looks like "never changed"
            throw ProblemException.forbidden(entity + " " + id + " is outside your organization's subtree");
        }
        // entries without an organization (programs, funds) are visible to all staff
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, entity, entity_id, action, actor, at, old_value, new_value FROM audit_entry "
                        + "WHERE entity = ?1 AND entity_id = ?2 AND id > ?3 "
                        + "AND (CAST(?4 AS TEXT) IS NULL OR organization_path IS NULL OR organization_path LIKE CAST(?4 AS TEXT)) "
                        + "ORDER BY id LIMIT ?5")
                .setParameter(1, entity).setParameter(2, id).setParameter(3, after).setParameter(4, marker)
                .setParameter(5, page.limit() + 1)
                .getResultList();
        return Page.of(rows, page.limit(), r -> PageRequest.encode(((Number) r[0]).longValue()),
                r -> new AuditEntryView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        toInstant(r[5]), parse((String) r[6]), parse((String) r[7])));
    }

    /** True when the record has entries, all of them of organizations outside the caller's subtree. */
    private boolean outsideOnly(String entity, String id, String marker) {
        Object[] counts = (Object[]) em.createNativeQuery("SELECT COUNT(*) FILTER (WHERE organization_path NOT LIKE CAST(?3 AS TEXT)), "
                        + "COUNT(*) FILTER (WHERE organization_path IS NULL OR organization_path LIKE CAST(?3 AS TEXT)) "
                        + "FROM audit_entry WHERE entity = ?1 AND entity_id = ?2")
                .setParameter(1, entity).setParameter(2, id).setParameter(3, marker).getSingleResult();
        return ((Number) counts[0]).longValue() > 0 && ((Number) counts[1]).longValue() == 0;
    }

    public static Instant toInstant(Object o) {
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
}
