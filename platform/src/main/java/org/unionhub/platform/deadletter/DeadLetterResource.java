package org.unionhub.platform.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

    /** @param refused the records not replayed, with why (at most 500 listed; refusedCount counts all) */
    public record ReplayResult(String topic, int replayed, int refusedCount, java.util.List<DeadLetterReplay.Refused> refused) {
    }

    @Inject
    DeadLetterReplay replay;

    @POST
    @Path("/{topic}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send this service's own events on <topic>.dlq back to <topic>; records that do not match a row "
            + "of its outbox (id, key, type, data) are refused and listed (role: admin; only on the topic's owner, else 422)")
    public ReplayResult replay(@PathParam("topic") String topic) throws Exception {
        if (!topic.matches("[a-z]+(\\.[a-z]+)*\\.v[0-9]+")) {
            throw ProblemException.invalid("topic", "must be a UnionHub topic such as membership.member.v1 (without .dlq)");
        }
        DeadLetterReplay.Outcome outcome = replay.replay(topic);
        return new ReplayResult(topic, outcome.replayed(), outcome.refusedCount(), outcome.refused());
    }
}
