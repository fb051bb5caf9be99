package org.unionhub.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * Operators look at the events the broker kept refusing (parked) and, once the cause is fixed, put
 * them back in line. Not routed by the gateway: call the service directly.
 */
@Path("/internal/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class OutboxResource {

    public record ParkedList(List<JpaOutboxStore.Parked> items) {
    }

    public record UnparkResult(int unparked) {
    }

    @Inject
    JpaOutboxStore store;
    @Inject
    OutboxRelayWorker worker;

    @GET
    @Path("/parked")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The parked events, oldest first: id, topic, type, key, attempts, last error (role: admin)")
    public ParkedList parked() {
        return new ParkedList(QuarkusTransaction.requiringNew().call(() -> store.parked(500)));
    }

    @POST
    @Path("/unpark")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Put one parked event (?eventId=) or all of them back in line for the relay (role: admin)")
    public UnparkResult unpark(@QueryParam("eventId") String eventId) {
        UUID id = null;
        if (eventId != null && !eventId.isBlank()) {
            try {
                id = UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("eventId", "must be a UUID");
            }
        }
        UUID target = id;
        int unparked = QuarkusTransaction.requiringNew().call(() -> store.unpark(target));
        if (unparked > 0) {
            worker.wakeUp();
        }
        return new UnparkResult(unparked);
    }
}
