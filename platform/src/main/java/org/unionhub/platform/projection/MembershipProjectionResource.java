package org.unionhub.platform.projection;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;

/**
 * The operator's way to rebuild this service's member and organization projections from membership's
 * compacted topics (docs/operations.md "Rebuild a projection from a topic"). Not routed by the gateway.
 */
@Path("/internal/projections/membership/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@IfBuildProperty(name = "unionhub.membership-projection.enabled", stringValue = "true")
public class MembershipProjectionResource {

    @Inject
    MembershipProjectionRebuild rebuild;

    @POST
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Empty the member and organization projections and rebuild them from the earliest offsets of "
            + "membership's compacted topics; answers when done, with the records read and the rows rebuilt (role: admin)")
    public MembershipProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
