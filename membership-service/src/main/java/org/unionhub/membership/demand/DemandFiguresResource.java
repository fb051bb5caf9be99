package org.unionhub.membership.demand;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.organization.Organization;
import org.unionhub.membership.organization.Organizations;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/organizations/{id}/demand-figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demands")
public class DemandFiguresResource {

    @Inject
    DemandAccess access;
    @Inject
    DemandFigures figures;
    @Inject
    BusinessClock clock;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A year's figures of the organization itself and of its whole subtree: forums held, opinions heard, "
            + "demands received, resolved and declined, median days to answer (roles: staff of the organization or above it, admin)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "the truck drivers' union in a year", value = "{\"organizationId\":\"5b7e0c2d-9f41-4a63-8e21-0c4d7a9b3e55\",\"year\":2023,"
            + "\"organization\":{\"forumsHeld\":12,\"opinionsHeard\":6,\"demandsReceived\":15,\"demandsResolved\":13,"
            + "\"demandsDeclined\":1,\"demandsStillOpen\":1,\"medianDaysToAnswer\":7.5},"
            + "\"subtree\":{\"forumsHeld\":12,\"opinionsHeard\":6,\"demandsReceived\":15,\"demandsResolved\":13,"
            + "\"demandsDeclined\":1,\"demandsStillOpen\":1,\"medianDaysToAnswer\":7.5}}")))
    public DemandFigures.YearFigures get(@PathParam("id") UUID id, @QueryParam("year") Integer year) {
        Organization o = Organizations.require(id);
        access.requireOrganization(o.id);
        int y = year == null ? clock.year() : year;
        if (y < 2000 || y > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        return figures.of(o, y);
    }
}
