package org.unionhub.membership.demand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/forums")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Forums", description = "座谈会: forums of worker representatives, their minutes and the opinions heard")
public class ForumResource {

    public record ForumRequest(@NotNull UUID organizationId, @NotNull LocalDate heldOn, @NotBlank @Size(max = 300) String topic,
                               @Size(max = 200) List<UUID> representativeMemberIds, @Size(max = 50000) String minutes,
                               @Size(max = 500) List<@Size(max = 4000) String> opinions) {
    }

    public record Representative(UUID memberId, String name) {
    }

    public record ForumView(UUID id, UUID organizationId, LocalDate heldOn, String topic, List<Representative> representatives,
                            String minutes, List<String> opinions, int opinionsHeard, long demandsRecorded,
                            Instant recordedAt, String recordedBy) {
        static ForumView of(Forum f) {
            List<Representative> present = f.representatives.stream().map(id -> {
                Member m = Member.findById(id);
                return new Representative(id, m == null ? null : m.name);
            }).toList();
            return new ForumView(f.id, f.organizationId, f.heldOn, f.topic, present, f.minutes, List.copyOf(f.opinions),
                    f.opinions.size(), Demand.count("forumId", f.id), f.recordedAt, f.recordedBy);
        }
    }

    @Inject
    Forums forums;
    @Inject
    DemandAccess access;
    @Inject
    Actor actor;
    @Inject
    IdempotentPost idempotent;
    @Inject
    BusinessClock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Record a forum held by an organization: representatives present, minutes, opinions heard (roles: staff of "
            + "the organization or above it, admin). 201. Idempotency-Key honoured.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "monthly truck drivers' forum", value =
            "{\"organizationId\":\"5b7e0c2d-9f41-4a63-8e21-0c4d7a9b3e55\",\"heldOn\":\"2023-02-15\","
                    + "\"topic\":\"“心连心、一家亲”货车司机代表座谈会\","
                    + "\"representativeMemberIds\":[\"3f1c2a9e-7b44-4c1e-9a55-2d6f0e8b1c77\"],"
                    + "\"minutes\":\"司机们反映加油、维修负担重，工会将联合加油站、维修站推出会员普惠卡。\","
                    + "\"opinions\":[\"加油、维修负担重\",\"希望提供免费法律咨询\"]}")))
    public Response hold(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey, @Valid @NotNull ForumRequest request) {
        return idempotent.run(idempotencyKey, "POST /api/v1/forums " + actor.subject(), request, () -> {
            Organization o = Organization.findById(request.organizationId());
            if (o == null) {
                throw ProblemException.invalid("organizationId", "no such organization");
            }
            access.requireOrganization(o.id);
            Forum f = forums.hold(o, request.heldOn(), request.topic(), request.minutes(), request.representativeMemberIds(),
                    request.opinions(), actor.subject(), clock.now());
            return Response.created(URI.create("/api/v1/forums/" + f.id)).entity(ForumView.of(f)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A forum with its representatives, minutes, opinions and how many demands were recorded at it "
            + "(roles: staff of the organization or above it, admin)")
    public ForumView get(@PathParam("id") UUID id) {
        Forum f = Forums.require(id);
        access.requireOrganization(f.organizationId);
        return ForumView.of(f);
    }
}
