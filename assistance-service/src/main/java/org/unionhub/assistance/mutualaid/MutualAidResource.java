package org.unionhub.assistance.mutualaid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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


import static org.unionhub.assistance.mutualaid.MutualAidApi.*;

@Path("/api/v1/mutual-aid")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mutual aid", description = "互助互济: yearly enrollment at 0.06 yuan a day, claims up to 100,000.00 a member and year")
public class MutualAidResource {

    @Inject
    MutualAid mutualAid;
    @Inject
    Actor actor;
    @Inject
    IdempotentPost idempotent;

    @POST
    @Path("/enrollments")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Enroll a member in the year's mutual aid plan (roles: the member himself, staff of his subtree); "
            + "premium = 0.06 × days covered (a full non-leap year: 21.90); one enrollment per member and year")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "whole year", value = "{\"memberId\":\"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23\",\"year\":2027}")))
    public Response enroll(@Valid @NotNull EnrollRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/mutual-aid/enrollments " + actor.subject(), r,
                () -> mutualAid.enroll(r), view -> "/api/v1/mutual-aid/enrollments/" + view.id());
    }

    @POST
    @Path("/claims")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Pay a mutual-aid claim of an enrolled member (roles: staff of his subtree); "
            + "payouts per member and year never exceed MUTUAL_AID's cap (100,000.00), even when claims race")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hospital stay", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","year":2026,"kind":"HOSPITALIZATION","amount":"50000.00"}""")))
    public Response claim(@Valid @NotNull ClaimRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/mutual-aid/claims " + actor.subject(), r,
                () -> mutualAid.claim(r), view -> "/api/v1/mutual-aid/claims/" + view.id());
    }
}
