package org.unionhub.assistance.program;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.unionhub.assistance.program.ProgramApi.FundRequest;
import org.unionhub.assistance.program.ProgramApi.FundView;
import org.unionhub.assistance.program.ProgramApi.ProgramRequest;
import org.unionhub.assistance.program.ProgramApi.ProgramView;
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;

import java.net.URI;
import java.util.List;

@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "The assistance programs (the six lines and any an admin adds: national rules) and their yearly funds")
public class ProgramResource {

    @Inject
    Programs programs;
    @Inject
    Actor actor;
    @Inject
    IdempotentPost idempotent;

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "List the assistance programs and their rules (public, no token)")
    public Page<ProgramView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.first() ? "" : page.cursor(1).text(0);
        List<Program> rows = Program.find("code > ?1 ORDER BY code", after).range(0, page.limit()).list();
        return Page.of(rows, page.limit(), p -> PageRequest.encode(p.code), ProgramView::of);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Transactional
    @Operation(summary = "One program and its rules (public, no token); ETag carries its version")
    public Response get(@PathParam("code") String code) {
        ProgramView view = ProgramView.of(programs.require(code));
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add a program (role: admin; programs are national rules, no organization's staff change them)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "winter warmth", value = """
            {"code":"WINTER_WARMTH","name":"冬季送温暖","money":true,"capPerPersonYear":"5000.00","capPerApplication":"2000.00",
             "secondApprovalThreshold":"1000.00","requiresActiveMembership":true,"requiresHardshipFile":true,"requiredDetails":[]}""")))
    public Response create(@Valid @NotNull ProgramRequest request,
                           @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.run(key, "POST /api/v1/programs " + actor.subject(), request, () -> {
            ProgramView view = programs.create(request, actor.subject());
            return Response.created(URI.create("/api/v1/programs/" + view.code())).entity(view)
                    .tag(ETags.tag(view.version())).build();
        });
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Change a program's rules for future applications (role: admin); If-Match with the ETag of GET is required",
            description = "Without If-Match: 428. With an ETag that is no longer current: 412 (currentETag in the body).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "raise the cap", value = """
            {"name":"专项精准帮扶线","money":true,"capPerPersonYear":"30000.00","capPerApplication":"30000.00",
             "secondApprovalThreshold":"10000.00","requiresActiveMembership":true,"requiresHardshipFile":false,
             "requiredDetails":["outOfPocketCost"],"limitedByDetail":"outOfPocketCost"}""")))
    public Response update(@PathParam("code") String code, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                           @Valid @NotNull ProgramRequest request) {
        // a program's rules bind every application in the country: changed only on the version the caller read
        long version = ETags.required(ifMatch, "GET /api/v1/programs/" + code);
        ProgramView view = programs.update(code, version, request, actor.subject());
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("/{code}/funds")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Open a program's national fund for a year (role: admin); approvals reserve from it")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2026 fund", value = "{\"year\":2026,\"amount\":\"1000000.00\"}")))
    public Response createFund(@PathParam("code") String code, @Valid @NotNull FundRequest request,
                               @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.run(key, "POST /api/v1/programs/" + code + "/funds " + actor.subject(), request, () -> {
            FundView view = programs.createFund(code, request, actor.subject());
            return Response.created(URI.create("/api/v1/programs/" + code + "/funds/" + view.year())).entity(view).build();
        });
    }

    @GET
    @Path("/{code}/funds/{year}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "A program's fund for a year: amount, reserved and remaining (roles: staff, finance, admin)")
    public FundView fund(@PathParam("code") String code, @PathParam("year") int year) {
        return programs.fund(code, year);
    }
}
