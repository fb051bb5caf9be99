package org.unionhub.assistance.legal;

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
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

import static org.unionhub.assistance.legal.LegalAidApi.*;

@Path("/api/v1/legal-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Legal aid", description = "法律援助: consultations and cases, union lawyers, money recovered")
public class LegalAidResource {

    @Inject
    LegalAid legalAid;
    @Inject
    Actor actor;
    @Inject
    IdempotentPost idempotent;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Open a legal-aid case or record a consultation (roles: a member for himself, staff; memberId optional for anonymous consultations by staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "freight pay owed", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","kind":"WAGE_ARREARS","claimedAmount":"8200.00","description":"货车司机三个月运费被拖欠"}""")))
    public Response open(@Valid @NotNull OpenRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/legal-cases " + actor.subject(), r,
                () -> legalAid.open(r), view -> "/api/v1/legal-cases/" + view.id());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "One legal-aid case (roles: the member himself, staff of his subtree)")
    public CaseView get(@PathParam("id") UUID id) {
        return legalAid.get(id);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Assign a union lawyer to a case (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lawyer", value = "{\"lawyer\":\"工会法律顾问 王律师\"}")))
    public CaseView assign(@PathParam("id") UUID id, @Valid @NotNull AssignRequest r) {
        return legalAid.assign(id, r);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Close a case with its outcome and the money recovered (roles: staff of the member's subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "recovered", value = "{\"outcome\":\"调解成功，追回运费\",\"recoveredAmount\":\"8200.00\"}")))
    public CaseView close(@PathParam("id") UUID id, @Valid @NotNull CloseRequest r) {
        return legalAid.close(id, r);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Legal aid in a year: cases by kind, consultations, money recovered (roles: staff for their subtree, admin for all)")
    public Stats stats(@QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.invalid("year", "is required");
        }
        return legalAid.stats(year);
    }
}
