package org.unionhub.membership.demand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.organization.Organization;
import org.unionhub.membership.organization.Organizations;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.UUID;

/** Staff's view of their subtree's demands, and its overdue list. */
@Path("/api/v1/organizations/{id}/demands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demands")
public class OrganizationDemandResource {

    @Inject
    DemandAccess access;
    @Inject
    DemandQueries queries;
    @Inject
    BusinessClock clock;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Demands answered by, or raised by members of, the organization and its subtree, earliest due first; "
            + "overdue=true gives the overdue list (roles: staff of the organization or above it, admin)")
    public Page<DemandView> list(@PathParam("id") UUID id,
                                 @Parameter(description = "only open demands past their due time") @QueryParam("overdue") Boolean overdue,
                                 @Parameter(description = "only open demands") @QueryParam("open") Boolean open,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Organization o = Organizations.require(id);
        access.requireOrganization(o.id);
        PageRequest page = PageRequest.of(limit, cursor);
        Instant now = clock.now();
        var rows = queries.ofSubtree(o.path, Boolean.TRUE.equals(open), Boolean.TRUE.equals(overdue) ? now : null, page);
        var views = DemandView.of(rows, now);
        return Page.of(views, page.limit(), v -> PageRequest.encode(v.dueAt(), v.id()), v -> v);
    }
}
