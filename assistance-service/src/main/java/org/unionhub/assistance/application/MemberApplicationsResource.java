package org.unionhub.assistance.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;

import java.util.List;
import java.util.UUID;

import static org.unionhub.assistance.application.ApplicationApi.ApplicationSummary;

@Path("/api/v1/members/{memberId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class MemberApplicationsResource {

    @Inject
    Access access;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "A member's applications, newest first; open=true keeps those not yet disbursed or rejected "
            + "(roles: the member himself with his own token, staff of his subtree)")
    public Page<ApplicationSummary> list(@PathParam("memberId") UUID memberId, @QueryParam("open") Boolean open,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.requireReadMember(memberId);
        PageRequest page = PageRequest.of(limit, cursor);
        ListQuery<Application> query = ListQuery.of(Application.class, page).where("memberId = :member", "member", memberId);
        if (Boolean.TRUE.equals(open)) {
            query.where("status NOT IN (:closed)", "closed", List.of(ApplicationStatus.DISBURSED, ApplicationStatus.REJECTED));
        }
        List<Application> rows = query.orderBy(ApplicationResource.NEWEST_FIRST).fetch();
        return Page.of(rows, page.limit(), a -> PageRequest.encode(a.submittedAt, a.id), ApplicationSummary::of);
    }
}
