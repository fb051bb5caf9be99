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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.organization.Organization;
import org.unionhub.membership.organization.Organizations;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

@Path("/api/v1/organizations/{id}/forums")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forums")
public class OrganizationForumResource {

    @Inject
    DemandAccess access;
    @Inject
    DemandQueries queries;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Forums held by the organization and its subtree, newest first, optionally in one year "
            + "(roles: staff of the organization or above it, admin)")
    public Page<ForumResource.ForumView> list(@PathParam("id") UUID id, @QueryParam("year") Integer year,
                                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Organization o = Organizations.require(id);
        access.requireOrganization(o.id);
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(queries.forumsOfSubtree(o.path, year, page), page.limit(),
                f -> PageRequest.encode(f.heldOn, f.id), ForumResource.ForumView::of);
    }
}
