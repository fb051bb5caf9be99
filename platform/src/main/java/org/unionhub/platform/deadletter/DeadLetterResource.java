package org.unionhub.platform.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

/** Operators replay a dead-letter topic after fixing what made its records fail. Call the service directly. */
@Path("/internal/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterResource {

    public record ReplayResult(String topic, int replayed) {
    }

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/{topic}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send the records of <topic>.dlq back to <topic> (role: admin)")
    public ReplayResult replay(@PathParam("topic") String topic) throws Exception {
        if (!topic.matches("[a-z]+(\\.[a-z]+)*\\.v[0-9]+")) {
            throw ProblemException.invalid("topic", "must be a UnionHub topic such as membership.member.v1 (without .dlq)");
        }
        return new ReplayResult(topic, replay.replay(topic));
    }
}
