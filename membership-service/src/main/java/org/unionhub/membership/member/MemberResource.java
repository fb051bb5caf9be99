package org.unionhub.membership.member;

import io.quarkus.panache.common.Parameters;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Cursor;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Enrollment and the membership life cycle")
public class MemberResource {

    static final String JOIN_EXAMPLE = "{\"name\":\"王师傅\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13812345678\","
            + "\"employmentForm\":\"TRUCK_DRIVER\",\"employer\":\"绥中县顺达物流\","
            + "\"organizationId\":\"6f1c2d3e-0000-4000-8000-000000000002\",\"joinChannel\":\"ONLINE\"}";

    public record JoinRequest(@NotBlank @Size(max = 100) String name, @NotBlank String idNumber, @NotBlank String phone,
                              @NotNull EmploymentForm employmentForm, @Size(max = 200) String employer,
                              @NotNull UUID organizationId, @NotNull JoinChannel joinChannel) {
        /** The request as the idempotency store hashes it: never the raw ID number or phone in clear. */
        @Override
        public String toString() {
            return "JoinRequest[" + name + ", " + organizationId + ", " + joinChannel + "]";
        }
    }

    public record ReasonRequest(@Size(max = 500) String reason) {
    }

    public record RequiredReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record TransferRequest(@NotNull UUID toOrganizationId) {
    }

    /** ID number and phone only ever masked. */
    public record MemberResponse(UUID id, String name, String idNumber, LocalDate birthDate, ResidentIdNumber.Gender gender,
                                 String phone, EmploymentForm employmentForm, String employer, UUID organizationId,
                                 JoinChannel joinChannel, Member.Status status, Instant joinedAt, Instant statusChangedAt,
                                 @Schema(description = "the account (token sub) that applied online; null when staff enrolled the person")
                                 String accountSubject) {
        public static MemberResponse of(Member m) {
            return new MemberResponse(m.id, m.name, m.idMasked, m.birthDate, m.gender, m.phoneMasked, m.employmentForm,
                    m.employer, m.organizationId, m.joinChannel, m.status, m.joinedAt, m.statusChangedAt, m.accountSubject);
        }
    }

    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
                               UUID fromOrganizationId, UUID toOrganizationId, String reason) {
    }

    @Inject
    Members members;
    @Inject
    MemberAccess access;
    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;
    @Inject
    OrganizationScope scope;

    @POST
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Join the union (roles: member for himself with joinChannel ONLINE; staff inside their subtree; admin)",
            description = "ONLINE joins are PENDING until approved, ON_SITE joins (staff) are ACTIVE at once. idNumber is checked "
                    + "by its GB 11643 check digit; one membership per person at a time (409). A worker's own application is "
                    + "bound to his account (accountSubject); one live application or membership per account; whatever the "
                    + "reason a worker's application is refused, he hears the same 409 application-not-accepted, without a "
                    + "status. A token carrying staff is checked against its staff subtree, whatever other roles it has. "
                    + "Publishes member.joined.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "truck driver joins from the app", value = JOIN_EXAMPLE)))
    public Response join(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey, @Valid @NotNull JoinRequest request) {
        EmploymentForm form = request.employmentForm();
        JoinChannel channel = request.joinChannel();
        // a token with staff is judged by its staff scope alone, whatever else it carries (a member role never lifts the check)
        boolean staff = actor.has(Roles.STAFF);
        boolean enrolsOthers = staff || actor.has(Roles.ADMIN);
        if (!enrolsOthers && channel != JoinChannel.ONLINE) {
            throw ProblemException.forbidden("a worker joins ONLINE; ON_SITE enrollment is for union staff");
        }
        Organization org = Organization.findById(request.organizationId());
        if (org == null) {
            throw ProblemException.invalid("organizationId", "no such organization");
        }
        if (staff) {
            scope.require(org.id);
        }
        // a worker's own application is bound to his account: that is how his login is later linked to this record
        String accountSubject = enrolsOthers ? null : actor.subject();
        if (accountSubject != null && tokenSpeaksForAMember()) {
            throw Members.applicationNotAccepted();
        }
        return idempotent.run(idempotencyKey, "POST /api/v1/members " + actor.subject(), request, () -> {
            Member m = members.join(new Members.JoinCommand(request.name(), request.idNumber(), request.phone(),
                    form, request.employer(), request.organizationId(), channel, accountSubject), org, actor.subject());
            return Response.created(URI.create("/api/v1/members/" + m.id)).tag(etag(m)).entity(MemberResponse.of(m)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member, ID number and phone masked (roles: the member himself, staff of his organization's subtree, admin)")
    public Response get(@PathParam("id") UUID id) {
        Member m = access.readable(id);
        return Response.ok(MemberResponse.of(m)).tag(etag(m)).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Search members (roles: staff, within their subtree; admin)",
            description = "organizationId selects that organization and everything below it (default for staff: their own); "
                    + "q: 2 to 50 characters contained in the name (an index serves it; docs/scale.md). Paged by organization and then id (a name search by id): ?limit= and ?cursor=.")
    public Page<MemberResponse> list(@QueryParam("organizationId") UUID organizationId,
                                     @QueryParam("employmentForm") EmploymentForm employmentForm,
                                     @QueryParam("status") Member.Status status, @QueryParam("q") String q,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        UUID root = organizationId;
        if (root == null && !actor.has(Roles.ADMIN)) {
            root = actor.orgId().orElseThrow(() -> ProblemException.forbidden("a staff token without orgId"));
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (root != null) {
            scope.require(root);
            Organization org = Organization.findById(root);
            if (org == null) {
                throw ProblemException.invalid("organizationId", "no such organization");
            }
            if (q != null && !q.isBlank()) {
                // a name search starts from the gram index and checks the subtree on the few names it gives; written
                // as a prefix comparison PostgreSQL cannot serve from the path index, which it otherwise combined with
                // the gram index over the whole province (58 ms instead of 7 at a million members, bench/scale)
                where.add("substring(organizationPath, 1, :pathLength) = :path");
                params.and("path", org.path).and("pathLength", org.path.length());
            } else {
                where.add("organizationPath like :path");
                params.and("path", org.path + "%");
            }
        }
        if (employmentForm != null) {
            where.add("employmentForm = :form");
            params.and("form", employmentForm);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            // the gram index narrows to the few names holding every pair of characters; the LIKE confirms the order
            String text = NameSearch.normalise(q);
            where.add("array_includes(nameGrams, :grams) and lower(name) like :q");
            params.and("grams", NameSearch.grams(text)).and("q", NameSearch.likePattern(text));
        }
        // Pages run in (organization path, id) order, the order of index member_path_id (migration V41), so a
        // county's page 50 reads about as much as the province's page 1. A name search instead reads the few members
        // the gram index gives and orders them by id: walking the path order would read the subtree until a page of
        // names matched.
        boolean byName = q != null && !q.isBlank();
        if (!page.first() && byName) {
            params.and("afterId", page.cursor(1).uuid(0));
            where.add("id > :afterId");
        } else if (!page.first()) {
            // the first condition starts the index range at the cursor, the second skips the rows of the
            // cursor's organization already given
            Cursor after = page.cursor(2);
            params.and("afterPath", after.text(0)).and("afterId", after.uuid(1));
            where.add("organizationPath >= :afterPath and (organizationPath > :afterPath or id > :afterId)");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        Sort order = byName ? Sort.by("id") : Sort.by("organizationPath").and("id");
        List<Member> rows = Member.find(query, order, params).page(0, page.limit() + 1).list();
        return Page.of(rows, page.limit(), m -> byName ? PageRequest.encode(m.id) : PageRequest.encode(m.organizationPath, m.id),
                MemberResponse::of);
    }

    @POST
    @Path("/{id}/approve")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Approve an online application: PENDING → ACTIVE (roles: staff of the subtree, admin)",
            description = "If-Match: the member's ETag (412 when stale). 409 with currentStatus when not PENDING.")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid ReasonRequest body) {
        return change(id, MemberLifecycle.Action.APPROVE, ifMatch, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/reject")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Reject an online application: PENDING → REJECTED (roles: staff of the subtree, admin)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = "{\"reason\":\"所填单位不在本工会范围\"}")))
    public Response reject(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull RequiredReasonRequest body) {
        return change(id, MemberLifecycle.Action.REJECT, ifMatch, body.reason());
    }

    @POST
    @Path("/{id}/suspend")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Suspend a membership: ACTIVE → SUSPENDED (roles: staff of the subtree, admin)")
    public Response suspend(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid ReasonRequest body) {
        return change(id, MemberLifecycle.Action.SUSPEND, ifMatch, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/reinstate")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Reinstate a suspended membership: SUSPENDED → ACTIVE (roles: staff of the subtree, admin)")
    public Response reinstate(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid ReasonRequest body) {
        return change(id, MemberLifecycle.Action.REINSTATE, ifMatch, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/leave")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "End a membership: ACTIVE or SUSPENDED → LEFT (roles: staff of the subtree, admin)",
            description = "The person may join again later; the history keeps both periods.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "leave", value = "{\"reason\":\"退休\"}")))
    public Response leave(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull RequiredReasonRequest body) {
        return change(id, MemberLifecycle.Action.LEAVE, ifMatch, body.reason());
    }

    @POST
    @Path("/{id}/transfer")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Transfer a membership to another organization (会籍转移) (roles: staff whose subtree holds both the "
            + "member's current and the target organization, admin)",
            description = "The member stays ACTIVE; the history keeps both organizations. A target outside the caller's subtree "
                    + "is 403: a move between subtrees is made by staff of a common ancestor. Publishes member.transferred.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "transfer",
            value = "{\"toOrganizationId\":\"6f1c2d3e-0000-4000-8000-000000000003\"}")))
    public Response transfer(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull TransferRequest body) {
        Long expected = ETags.expected(ifMatch);
        Member m = Members.lock(id);
        access.requireManage(m);
        Organization to = Organization.findById(body.toOrganizationId());
        if (to == null) {
            throw ProblemException.invalid("toOrganizationId", "no such organization");
        }
        // the target too must lie in the actor's scope: staff move members only within their own subtree; a move
        // between two subtrees is done by staff of an organization above both (or an admin)
        if (!scope.covers(to.id)) {
            throw ProblemException.forbidden("organization " + to.id + " is outside your organization's subtree: a transfer "
                    + "between subtrees is made by staff of an organization above both");
        }
        members.transfer(m, to, expected, actor.subject());
        return Response.ok(MemberResponse.of(m)).tag(etag(m)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Every change of the membership with time and actor, oldest first (roles: the member himself, staff of the subtree, admin)")
    public Page<HistoryEntry> history(@PathParam("id") UUID id) {
        access.readable(id);
        List<MemberHistory> rows = MemberHistory.list("memberId", Sort.by("id"), id);
        return new Page<>(rows.stream().map(h -> new HistoryEntry(h.at, h.actor, h.action, h.fromStatus, h.toStatus,
                h.fromOrganizationId, h.toOrganizationId, h.reason)).toList(), null);
    }

    private Response change(UUID id, MemberLifecycle.Action action, String ifMatch, String reason) {
        Long expected = ETags.expected(ifMatch);
        Member m = Members.lock(id);
        access.requireManage(m);
        members.change(m, action, expected, reason, actor.subject());
        return Response.ok(MemberResponse.of(m)).tag(etag(m)).build();
    }

    /** A worker whose token already names his membership does not apply again (in his own or another's name). */
    private boolean tokenSpeaksForAMember() {
        Member own = actor.memberId().map(id -> (Member) Member.findById(id)).orElse(null);
        return own != null && own.status.holdsMembership();
    }

    static EntityTag etag(Member m) {
        return ETags.tag(m.version);
    }
}
