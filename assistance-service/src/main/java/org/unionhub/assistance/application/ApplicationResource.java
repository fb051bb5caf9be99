package org.unionhub.assistance.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.assistance.access.FinanceAccess;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

import static org.unionhub.assistance.application.ApplicationApi.*;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Applications for aid: submit, approve (four eyes, second approval above a threshold), reject, disburse")
public class ApplicationResource {

    @Inject
    Applications applications;
    @Inject
    Actor actor;
    @Inject
    Access access;
    @Inject
    FinanceAccess finance;
    @Inject
    IdempotentPost idempotent;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Apply for aid (roles: member for himself, staff for a member of their subtree); the member must be active")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "targeted medical aid", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","programCode":"TARGETED_MEDICAL","requestedAmount":"20000.00",
             "reason":"住院自付费用过高","details":{"outOfPocketCost":"42000.00","hospital":"山东省立医院"}}""")))
    public Response submit(@Valid @NotNull SubmitRequest request, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/applications " + actor.subject(), request,
                () -> applications.submit(request), view -> "/api/v1/applications/" + view.id());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "One application with every step's actor and time (roles: the member himself, staff of his subtree, admin; "
            + "finance when it is APPROVED or DISBURSED, without reason and details)")
    public ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "Applications inside the caller's subtree, newest first (roles: staff, admin; "
            + "finance: those APPROVED and awaiting payment, or DISBURSED, of every organization)",
            description = "Finance without status gets APPROVED and DISBURSED; finance asking for another status gets 403.")
    public Page<ApplicationSummary> list(@QueryParam("status") ApplicationStatus status,
                                         @QueryParam("programCode") String programCode,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ListQuery<Application> query = ListQuery.of(Application.class, page);
        if (finance.isFinanceOnly()) {
            // finance pays nationally: no subtree, but only what it acts on
            if (status != null && !Applications.FINANCE_STATUSES.contains(status)) {
                throw ProblemException.forbidden("finance lists applications approved for payment or paid, not " + status);
            }
            query.where("status IN (:financeStatuses)", "financeStatuses", status == null ? Applications.FINANCE_STATUSES : List.of(status));
        } else {
            query.within("organizationPath", access.listScope()).filter("status = :status", "status", status);
        }
        List<Application> rows = query.filter("programCode = :program", "program", programCode).orderBy(NEWEST_FIRST).fetch();
        return Page.of(rows, page.limit(), a -> PageRequest.encode(a.submittedAt, a.id), ApplicationSummary::of);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Approve an application (roles: staff of the member's subtree, never the submitter); "
            + "above the program's threshold a second approval by staff of a higher organization follows")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = "{\"approvedAmount\":\"20000.00\"}")))
    public ApplicationView approve(@PathParam("id") UUID id, @Valid ApproveRequest request) {
        return applications.approve(id, request);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Reject an application not yet approved in full (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = "{\"reason\":\"材料不全\"}")))
    public ApplicationView reject(@PathParam("id") UUID id, @Valid @NotNull RejectRequest request) {
        return applications.reject(id, request);
    }

    @POST
    @Path("/{id}/disburse")
    @Consumes(MediaType.WILDCARD) // no body: a call without Content-Type is not a 415
    @RolesAllowed({Roles.FINANCE})
    @Transactional
    @Operation(summary = "Pay an approved application: a payout record and the assistance.disbursed event (role: finance)")
    public ApplicationView disburse(@PathParam("id") UUID id) {
        return applications.disburse(id);
    }

    /** Lists of applications: newest first, as their cursors say (submittedAt, id). */
    static final ListQuery.Key[] NEWEST_FIRST = {ListQuery.Key.instant("submittedAt").descending(), ListQuery.Key.uuid("id").descending()};
}
