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
import org.unionhub.membership.member.Member;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.UUID;

/** The member's own demands and the answers (the "me" view asks for {@code ?open=true}). */
@Path("/api/v1/members/{id}/demands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demands")
public class MemberDemandResource {

    @Inject
    DemandAccess access;
    @Inject
    DemandQueries queries;
    @Inject
    BusinessClock clock;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's demands, newest first, each with every step and the responses he reads (roles: the member "
            + "himself; staff over his organization; admin)")
    public Page<DemandView> list(@PathParam("id") UUID id,
                                 @Parameter(description = "only demands not yet resolved or declined") @QueryParam("open") Boolean open,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Member m = Member.<Member>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("member", id));
        access.requireMemberRecords(m);
        PageRequest page = PageRequest.of(limit, cursor);
        Instant now = clock.now();
        var views = DemandView.of(queries.ofMember(m.id, Boolean.TRUE.equals(open), page), now);
        return Page.of(views, page.limit(), v -> PageRequest.encode(v.raisedAt(), v.id()), v -> v);
    }
}
