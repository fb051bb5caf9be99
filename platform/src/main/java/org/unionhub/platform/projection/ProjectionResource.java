package org.unionhub.platform.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * What this service knows of a member, for operators checking that events arrive (and for the
 * end-to-end smoke test). Not routed by the gateway: call the service directly.
 */
@Path("/internal/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class ProjectionResource {

    public record MemberViewResponse(UUID id, String name, String status, UUID organizationId, String employmentForm, Instant updatedAt) {
    }

    @GET
    @Path("/members/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "This service's projection of a member (roles: admin, partner)")
    public MemberViewResponse member(@PathParam("id") UUID id) {
        MemberView v = MemberView.findById(id);
        if (v == null) {
            throw ProblemException.notFound("member in this service's projection", id);
        }
        return new MemberViewResponse(v.id, v.name, v.status, v.organizationId, v.employmentForm, v.updatedAt);
    }
}
