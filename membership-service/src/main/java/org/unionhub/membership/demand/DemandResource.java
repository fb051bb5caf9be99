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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "诉求: workers' demands raised from the app or heard at forums and visits, answered by their union")
public class DemandResource {

    static final String STEP_EXAMPLE = "{\"response\":\"已联系货运平台，拖欠的三个月运费8200元已于本周结清。\"}";

    public record RaiseRequest(
            @Schema(description = "the member the demand is for; a member raising his own may leave it out") UUID memberId,
            @NotNull DemandCategory category,
            @NotBlank @Size(max = 4000) String text,
            @Schema(description = "APP (the member himself, default for him); staff name FORUM or VISIT") DemandChannel channel,
            @Schema(description = "the forum where staff heard it; required with channel FORUM") UUID forumId,
            @Schema(description = "who must answer: the member's own union by default, or one of its ancestors") UUID answeringOrganizationId) {
    }

    public record StepRequest(@NotBlank @Size(max = 4000) @Schema(description = "what the member reads") String response) {
    }

    @Inject
    Demands demands;
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
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Raise a demand (roles: member for himself from the app; staff of the member's subtree recording it "
            + "at a forum or visit; admin). 201, status RECEIVED, due after the answer period. Publishes demand.raised. "
            + "Idempotency-Key honoured.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "member from the app", value = "{\"category\":\"WAGE_ARREARS\",\"text\":\"货运平台拖欠我三个月运费共8200元，多次催要未果。\"}"),
            @ExampleObject(name = "staff at the drivers' forum", value = "{\"memberId\":\"3f1c2a9e-7b44-4c1e-9a55-2d6f0e8b1c77\","
                    + "\"category\":\"PARKING_AND_CHARGING\",\"text\":\"102国道服务区夜间停车位不足，司机只能路边休息。\","
                    + "\"channel\":\"FORUM\",\"forumId\":\"8d0b7c61-52f3-4f0a-b1de-6a9e3c2f4d18\"}")}))
    public Response raise(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey, @Valid @NotNull RaiseRequest request) {
        return idempotent.run(idempotencyKey, "POST /api/v1/demands " + actor.subject(), request, () -> {
            Demand d = raise(request, clock.now());
            return Response.created(URI.create("/api/v1/demands/" + d.id)).tag(ETags.tag(d.version))
                    .entity(DemandView.of(d, d.raisedAt)).build();
        });
    }

    private Demand raise(RaiseRequest request, Instant now) {
        DemandCategory category = request.category();
        DemandChannel requested = request.channel();
        UUID memberId = request.memberId();
        if (memberId == null) {
            if (access.judgedAsStaff()) {
                throw ProblemException.invalid("memberId", "is required when staff record a demand");
            }
            memberId = actor.memberId().orElseThrow(() -> ProblemException.forbidden("a member token without memberId raises nothing"));
        }
        if (!access.judgedAsStaff() && !access.isMemberHimself(memberId)) {
            throw ProblemException.forbidden("a member may raise demands only for himself");
        }
        Member m = Member.findById(memberId);
        if (m == null) {
            throw ProblemException.invalid("memberId", "no such member");
        }
        DemandChannel channel = access.checkRaise(m, requested);
        if (m.status != Member.Status.ACTIVE) {
            throw ProblemException.rule("member-not-active", "only an active member raises demands (member is " + m.status + ")")
                    .with("currentStatus", m.status);
        }
        UUID forumId = checkForum(m, channel, request.forumId());
        Organization answering = answering(m, request.answeringOrganizationId());
        return demands.raise(m, category, request.text(), channel, forumId, answering, actor.subject(), now);
    }

    /** A forum demand names a forum of the member's organization or one above it; no other demand names one. */
    private static UUID checkForum(Member m, DemandChannel channel, UUID forumId) {
        if (channel != DemandChannel.FORUM) {
            if (forumId != null) {
                throw ProblemException.invalid("forumId", "only a demand heard at a forum (channel FORUM) names a forum");
            }
            return null;
        }
        if (forumId == null) {
            throw ProblemException.invalid("forumId", "is required with channel FORUM");
        }
        Forum f = Forum.findById(forumId);
        if (f == null) {
            throw ProblemException.invalid("forumId", "no such forum");
        }
        if (!OrganizationPath.isWithin(m.organizationPath, f.organizationId)) {
            throw ProblemException.invalid("forumId", "the forum was held by an organization the member does not belong to");
        }
        return forumId;
    }

    private static Organization answering(Member m, UUID requested) {
        UUID id = requested == null ? m.organizationId : requested;
        if (!OrganizationPath.isWithin(m.organizationPath, id)) {
            throw ProblemException.invalid("answeringOrganizationId", "must be the member's own organization or one above it");
        }
        return Organization.findById(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A demand with every step and response (roles: the member himself; staff over the answering "
            + "organization or the member's organization; admin). ETag for If-Match on the steps.")
    public Response get(@PathParam("id") UUID id) {
        Demand d = Demands.require(id);
        access.requireRead(d);
        return Response.ok(DemandView.of(d, clock.now())).tag(ETags.tag(d.version)).build();
    }

    @POST
    @Path("/{id}/accept")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Accept a demand, RECEIVED → ACCEPTED (roles: staff of the answering organization or above it, admin). If-Match optional.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accepted", value = "{\"response\":\"已受理，县总工会法律援助律师将在三个工作日内与您联系。\"}")))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull StepRequest request) {
        return move(id, ifMatch, DemandStatus.ACCEPTED, request);
    }

    @POST
    @Path("/{id}/start")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Start working on a demand, ACCEPTED → IN_PROGRESS (roles: staff of the answering organization or above it, admin). If-Match optional.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "in progress", value = "{\"response\":\"律师已向货运平台发出催款函。\"}")))
    public Response start(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull StepRequest request) {
        return move(id, ifMatch, DemandStatus.IN_PROGRESS, request);
    }

    @POST
    @Path("/{id}/resolve")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Resolve a demand, ACCEPTED or IN_PROGRESS → RESOLVED (roles: staff of the answering organization or above it, admin). "
            + "Publishes demand.resolved. If-Match optional.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resolved", value = STEP_EXAMPLE)))
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull StepRequest request) {
        return move(id, ifMatch, DemandStatus.RESOLVED, request);
    }

    @POST
    @Path("/{id}/decline")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Decline a demand with the reason the member reads, any open status → DECLINED (roles: staff of the answering "
            + "organization or above it, admin). If-Match optional.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "declined", value = "{\"response\":\"该事项属交通运输部门职责，已告知您办理渠道：12328。\"}")))
    public Response decline(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull StepRequest request) {
        return move(id, ifMatch, DemandStatus.DECLINED, request);
    }

    @POST
    @Path("/{id}/escalate")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Hand an open demand to the parent of the organization answering it, with a fresh answer period "
            + "(roles: staff of the answering organization or above it, admin). 422 demand-escalation at the top of the tree.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "escalated", value = "{\"response\":\"涉及跨县运费纠纷，已提请县总工会协调。\"}")))
    public Response escalate(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull StepRequest request) {
        Demand d = Demands.lock(id);
        access.requireAnswer(d);
        ETags.check(ETags.expected(ifMatch), d.version, "demand " + id);
        Instant now = clock.now();
        demands.escalate(d, request.response(), actor.subject(), now);
        return answer(d, now);
    }

    private Response move(UUID id, String ifMatch, DemandStatus target, StepRequest request) {
        Demand d = Demands.lock(id);
        access.requireAnswer(d);
        ETags.check(ETags.expected(ifMatch), d.version, "demand " + id);
        Instant now = clock.now();
        demands.move(d, target, request.response(), actor.subject(), now);
        return answer(d, now);
    }

    private static Response answer(Demand d, Instant now) {
        Demand.getEntityManager().flush(); // the version the ETag names is the one after this change
        return Response.ok(DemandView.of(d, now)).tag(ETags.tag(d.version)).build();
    }
}
