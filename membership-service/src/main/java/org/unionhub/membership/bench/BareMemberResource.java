package org.unionhub.membership.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.membership.member.Member;

import java.util.UUID;

/**
 * The yardstick of the GET-member benchmark (issue 17): a Panache entity by primary key, as a plain Quarkus service
 * answers it — no token, no scope check, no ETag — so that {@code bench/run-all} can put GET /api/v1/members/{id}
 * beside it in the same process and the same run. Exists only when {@code unionhub.bench.enabled=true}
 * ({@link BenchSwitch} answers 404 otherwise, the default); /q/ is routed by neither the gateway nor the ingress, and
 * the operation is hidden from the OpenAPI document so that no client learns of it.
 */
@Path("/q/bench/members")
@Produces(MediaType.APPLICATION_JSON)
public class BareMemberResource {

    public record BareMember(UUID id, String name, Member.Status status) {
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(hidden = true)
    public Response get(@PathParam("id") UUID id) {
        Member m = Member.findById(id);
        if (m == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(new BareMember(m.id, m.name, m.status)).build();
    }
}
