package org.unionhub.partner.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.unionhub.partner.partner.Partner;
import org.unionhub.partner.partner.PartnerCaller;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook subscriptions", description = "A partner's webhook endpoints (Standard Webhooks signatures)")
public class SubscriptionResource {

    static final String EXAMPLE = """
            {"url":"https://hooks.example-bank.cn/unionhub","eventTypes":["org.unionhub.membership.member.joined.v1"],
             "organizationId":"7b0c7f0e-0000-4000-8000-000000000001"}""";

    public record CreateRequest(@NotBlank @Size(max = 2000) String url,
                                @NotEmpty @Size(max = 100) List<@NotBlank String> eventTypes,
                                UUID organizationId) {
    }

    public record SubscriptionResponse(UUID id, UUID partnerId, String url, List<String> eventTypes, UUID organizationId,
                                       String status, String notice, int consecutiveFailures, Instant pausedAt,
                                       Instant createdAt, String secret) {
        static SubscriptionResponse of(Subscription s, String secret) {
            return new SubscriptionResponse(s.id, s.partnerId, s.url, Arrays.asList(s.eventTypes), s.organizationId,
                    s.status, s.notice, s.consecutiveFailures, s.pausedAt, s.createdAt, secret);
        }
    }

    public record SecretResponse(UUID subscriptionId, String secret, Instant previousValidUntil) {
    }

    @Inject
    Subscriptions subscriptions;
    @Inject
    OwnedSubscriptions owned;
    @Inject
    PartnerCaller caller;
    @Inject
    Actor actor;

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Subscribe a webhook endpoint; the answer shows the signing secret, once (roles: partner (for itself))")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "bank", value = EXAMPLE)))
    public Response create(@Valid @NotNull CreateRequest r) {
        Partner partner = caller.require();
        Subscriptions.Created c = subscriptions.create(partner, r.url(), r.eventTypes(), r.organizationId(), actor.subject());
        return Response.created(URI.create("/api/v1/webhook-subscriptions/" + c.subscription().id))
                .entity(SubscriptionResponse.of(c.subscription(), c.secret())).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The caller's subscriptions (admin: all) (roles: partner (its own), admin)")
    public Page<SubscriptionResponse> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ListQuery<Subscription> query = ListQuery.of(Subscription.class, page);
        if (!actor.has(Roles.ADMIN)) {
            query.where("partnerId = :partner", "partner", caller.require().id);
        }
        List<Subscription> rows = query.orderBy(ListQuery.Key.instant("createdAt"), ListQuery.Key.uuid("id")).fetch();
        return Page.of(rows, page.limit(), s -> PageRequest.encode(s.createdAt, s.id), s -> SubscriptionResponse.of(s, null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "One subscription, with its status and pause notice (roles: partner (its own), admin)")
    public SubscriptionResponse get(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(owned.readable(id), null);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Remove a subscription and its delivery log (roles: partner (its own))")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(owned.writable(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret-rotations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "A new signing secret, shown once; the previous one keeps signing during the overlap "
            + "(both signatures are sent) (roles: partner (its own))")
    public Response rotate(@PathParam("id") UUID id) {
        Subscription s = owned.writable(id);
        String secret = subscriptions.rotate(s);
        Instant until = org.unionhub.partner.subscription.SigningSecret
                .<SigningSecret>find("subscriptionId = ?1 AND expiresAt IS NOT NULL ORDER BY expiresAt DESC", s.id)
                .firstResultOptional().map(x -> x.expiresAt).orElse(null);
        return Response.status(201).entity(new SecretResponse(s.id, secret, until)).build();
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Resume a paused subscription: the waiting deliveries go out in order (roles: partner (its own))")
    public SubscriptionResponse resume(@PathParam("id") UUID id) {
        Subscription s = owned.writable(id);
        return SubscriptionResponse.of(subscriptions.resume(s), null);
    }
}
