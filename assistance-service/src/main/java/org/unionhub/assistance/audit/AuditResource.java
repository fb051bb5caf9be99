package org.unionhub.assistance.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.assistance.audit.AuditTrail.AuditEntryView;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The append-only trail of every change to applications, files, funds and cases")
public class AuditResource {

    @Inject
    AuditTrail audit;
    @Inject
    Access access;

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
        long after = page.first() ? 0 : page.cursor(1).number(0);
        Optional<UUID> subtree = access.listScope();
        if (subtree.isPresent() && audit.onlyOutside(entity, id, subtree.get())) {
            // a record of another subtree: say so, rather than answer an empty trail that looks like "never changed"
            throw ProblemException.forbidden(entity + " " + id + " is outside your organization's subtree");
        }
        List<AuditEntryView> rows = audit.read(entity, id, after, subtree, page.limit() + 1);
        return Page.of(rows, page.limit(), e -> PageRequest.encode(e.seq()), e -> e);
    }
}
