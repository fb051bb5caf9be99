package org.unionhub.membership.honor;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberAccess;
import org.unionhub.membership.member.Members;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/members/{id}/honors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Honors", description = "荣誉: labour medals, model workers, craftsmen, competition prizes")
public class HonorResource {

    public record HonorRequest(@NotNull HonorKind kind, @NotBlank @Size(max = 200) String title, LocalDate awardedOn,
                               @Size(max = 200) String awardedBy) {
    }

    public record HonorResponse(UUID id, UUID memberId, HonorKind kind, String title, LocalDate awardedOn, String awardedBy,
                                String source, UUID competitionId, String competitionName, String category, String prize,
                                Integer rank, Integer total, String teamName, String medal, Instant recordedAt) {
        static HonorResponse of(Honor h) {
            return new HonorResponse(h.id, h.memberId, HonorKind.valueOf(h.kind), h.title, h.awardedOn, h.awardedBy,
                    h.sourceType, h.competitionId, h.competitionName, h.category, h.prize, h.rank, h.total, h.teamName,
                    h.medal, h.recordedAt);
        }
    }

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    @Inject
    Honors honors;
    @Inject
    MemberAccess access;
    @Inject
    Actor actor;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's honors, oldest first (roles: the member himself, staff of the subtree, admin)")
    public Page<HonorResponse> list(@PathParam("id") UUID id) {
        access.readable(id);
        return new Page<>(Honor.<Honor>list("memberId", Sort.by("recordedAt").and("id"), id).stream().map(HonorResponse::of).toList(), null);
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Record an honor of a member (roles: staff of the subtree, admin). Publishes honor.recorded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "model worker",
            value = "{\"kind\":\"MODEL_WORKER\",\"title\":\"葫芦岛市劳动模范\",\"awardedOn\":\"2023-04-28\",\"awardedBy\":\"葫芦岛市人民政府\"}")))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull HonorRequest request) {
        HonorKind kind = request.kind();
        if (kind == HonorKind.COMPETITION_PRIZE || kind == HonorKind.MEDAL_NOMINATION) {
            throw ProblemException.invalid("kind", "competition prizes and nominations come from the competition service");
        }
        // PostgreSQL refuses a year like +999999999 only at insert, which surfaced as a 500
        if (request.awardedOn() != null && (request.awardedOn().isBefore(EARLIEST) || request.awardedOn().isAfter(LATEST))) {
            throw ProblemException.invalid("awardedOn", "must be between " + EARLIEST + " and " + LATEST);
        }
        Member m = Members.lock(id);
        access.requireManage(m);
        Honor h = honors.recordByStaff(m, kind, request.title(), request.awardedOn(), request.awardedBy(), actor.subject());
        return Response.created(URI.create("/api/v1/members/" + id + "/honors")).entity(HonorResponse.of(h)).build();
    }
}
