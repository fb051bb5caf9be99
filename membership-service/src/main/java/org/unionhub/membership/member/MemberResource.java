package org.unionhub.membership.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    public record JoinRequest(@NotBlank @Size(max = 100) String name, @NotNull UUID organizationId) {
    }

    public record MemberResponse(UUID id, String name, String status, UUID organizationId, Instant joinedAt) {
        static MemberResponse of(Member m) {
            return new MemberResponse(m.id, m.name, m.status.name(), m.organizationId, m.joinedAt);
        }
    }

    private final Members members;
    private final IdempotentPost idempotent;
    private final Actor actor;

    public MemberResource(Members members, IdempotentPost idempotent, Actor actor) {
        this.members = members;
        this.idempotent = idempotent;
        this.actor = actor;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Enroll a member (roles: staff, admin)")
    public Response join(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey, @Valid @NotNull JoinRequest request) {
        return idempotent.run(idempotencyKey, "POST /api/v1/members " + actor.subject(), request, () -> {
            Member m = members.join(request.name(), request.organizationId(), actor.subject());
            return Response.created(URI.create("/api/v1/members/" + m.id)).entity(MemberResponse.of(m)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.MEMBER})
    @Operation(summary = "A member (roles: staff, admin, the member himself)")
    public MemberResponse get(@PathParam("id") UUID id) {
        Member m = Member.findById(id);
        if (m == null || actor.has(Roles.MEMBER) && !actor.isSelf(id) && !actor.has(Roles.STAFF)) {
            throw ProblemException.notFound("member", id);
        }
        return MemberResponse.of(m);
    }
}
