package org.unionhub.partner.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.unionhub.partner.subscription.OwnedSubscriptions;
import org.unionhub.partner.subscription.Subscription;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A subscription's delivery log and replays (same path prefix as the subscriptions: see docs/architecture.md, pitfalls). */
@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook subscriptions")
public class DeliveryResource {

    /** Longest range one replay may cover. */
    static final Duration MAX_REPLAY = Duration.ofDays(31);

    public record DeliveryResponse(UUID id, UUID eventId, String eventType, Instant occurredAt, String status,
                                   int attempts, Integer lastStatus, String lastError, Instant nextAttemptAt,
                                   Instant deliveredAt, Instant createdAt, UUID replayId) {
        static DeliveryResponse of(Delivery d) {
            boolean open = Delivery.PENDING.equals(d.status) || Delivery.SENDING.equals(d.status);
            return new DeliveryResponse(d.id, d.eventId, d.eventType, d.occurredAt, d.status, d.attempts, d.lastStatus,
                    d.lastError, open ? d.nextAttemptAt : null, d.deliveredAt, d.createdAt, d.replayId);
        }
    }

    public record ReplayRequest(@NotNull Instant from, @NotNull Instant to) {
    }

    public record ReplayResponse(UUID replayId, UUID subscriptionId, Instant from, Instant to, int queued) {
    }

    @Inject
    OwnedSubscriptions owned;
    @Inject
    Deliveries deliveries;
    @Inject
    DeliveryWorker worker;

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The subscription's delivery log, newest first; ?status=PENDING|SENDING|DELIVERED|DEAD. "
            + "(roles: partner (its own), admin)")
    public Page<DeliveryResponse> log(@PathParam("id") UUID id, @QueryParam("status") String status,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Subscription s = owned.readable(id);
        PageRequest page = PageRequest.of(limit, cursor);
        String st = null;
        if (status != null && !status.isBlank()) {
            st = status.trim().toUpperCase(Locale.ROOT);
            if (!List.of(Delivery.PENDING, Delivery.SENDING, Delivery.DELIVERED, Delivery.DEAD).contains(st)) {
                throw ProblemException.invalid("status", "must be one of PENDING, SENDING, DELIVERED, DEAD");
            }
        }
        List<Delivery> rows = ListQuery.of(Delivery.class, page)
                .where("subscriptionId = :subscription", "subscription", s.id)
                .filter("status = :status", "status", st)
                .orderBy(ListQuery.Key.number("seq").descending())
                .fetch();
        return Page.of(rows, page.limit(), d -> PageRequest.encode(d.seq), DeliveryResponse::of);
    }

    @POST
    @Path("/{id}/replays")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Send again every event this subscription received that occurred in [from, to) (at most 31 days), "
            + "in order, with the same webhook-id (roles: partner (its own))")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one day",
            value = "{\"from\":\"2026-11-29T00:00:00Z\",\"to\":\"2026-11-30T00:00:00Z\"}")))
    @Transactional
    public Response replay(@PathParam("id") UUID id, @Valid @NotNull ReplayRequest r) {
        Subscription s = owned.writable(id);
        if (!r.to().isAfter(r.from())) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(r.from(), r.to()).compareTo(MAX_REPLAY) > 0) {
            throw ProblemException.invalid("to", "a replay covers at most 31 days");
        }
        UUID replayId = UUID.randomUUID();
        int queued = deliveries.replay(s.id, r.from(), r.to(), replayId);
        worker.wake();
        return Response.accepted(new ReplayResponse(replayId, s.id, r.from(), r.to(), queued)).build();
    }
}
