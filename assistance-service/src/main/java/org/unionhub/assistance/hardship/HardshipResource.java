package org.unionhub.assistance.hardship;

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
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

import static org.unionhub.assistance.hardship.HardshipApi.*;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hardship files and visits", description = "困难职工档案: hardship households, yearly reviews, condolence visits")
public class HardshipResource {

    @Inject
    Hardship hardship;
    @Inject
    Actor actor;
    @Inject
    IdempotentPost idempotent;

    @POST
    @Path("/hardship-files")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Open a member's hardship file (roles: staff of the member's subtree); one open file per member")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "illness", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","householdSize":4,"monthlyHouseholdIncome":"2100.00",
             "causes":["ILLNESS","EDUCATION_COSTS"],"level":"SERIOUS"}""")))
    public Response open(@Valid @NotNull OpenFileRequest request, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/hardship-files " + actor.subject(), request,
                () -> hardship.open(request), view -> "/api/v1/hardship-files/" + view.id());
    }

    @GET
    @Path("/hardship-files/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "One hardship file (roles: the member himself, staff of his subtree); never another member's")
    public FileView get(@PathParam("id") UUID id) {
        return hardship.get(id);
    }

    @GET
    @Path("/hardship-files")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Hardship files of an organization's subtree (roles: staff inside it); organizationId defaults to the caller's")
    public Page<FileView> list(@QueryParam("organizationId") UUID organizationId, @QueryParam("level") HardshipFile.Level level,
                               @QueryParam("status") String status,
                               @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        UUID org = organizationId != null ? organizationId
                : actor.orgId().orElseThrow(() -> ProblemException.invalid("organizationId", "is required"));
        List<FileView> rows = hardship.list(org, level, status, page);
        return Page.of(rows, page.limit(), f -> PageRequest.encode(f.id()), f -> f);
    }

    @POST
    @Path("/hardship-files/{id}/review")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "The yearly review of a hardship file, with any changed facts (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "income improved", value = "{\"monthlyHouseholdIncome\":\"3200.00\",\"level\":\"GENERAL\"}")))
    public FileView review(@PathParam("id") UUID id, @Valid ReviewRequest request) {
        return hardship.review(id, request);
    }

    @POST
    @Path("/hardship-files/{id}/close")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Close a hardship file when the household is no longer in hardship (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "out of hardship", value = "{\"reason\":\"家庭收入已稳定，脱困\"}")))
    public FileView close(@PathParam("id") UUID id, @Valid @NotNull CloseRequest request) {
        return hardship.close(id, request);
    }

    @POST
    @Path("/visits")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Record a condolence visit (roles: staff of the member's subtree); cash counts against DAILY_RELIEF's caps and fund")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Spring Festival visit", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","visitedOn":"2026-01-20","goods":"米、面、油各一份","cashAmount":"500.00"}""")))
    public Response visit(@Valid @NotNull VisitRequest request, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/visits " + actor.subject(), request,
                () -> hardship.visit(request), view -> "/api/v1/visits/" + view.id());
    }
}
