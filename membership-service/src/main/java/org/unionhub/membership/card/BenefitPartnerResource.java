package org.unionhub.membership.card;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/benefit-partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit cards", description = "会员普惠卡: partners, cards, redemptions, savings")
public class BenefitPartnerResource {

    public record PartnerRequest(@NotBlank @Size(max = 200) String name, @NotNull PartnerCategory category,
                                 @NotNull BigDecimal discountRate) {
    }

    public record PartnerResponse(UUID id, String name, PartnerCategory category,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountRate, Instant createdAt) {
        static PartnerResponse of(BenefitPartner p) {
            return new PartnerResponse(p.id, p.name, p.category, p.discountRate.stripTrailingZeros().setScale(Math.max(2,
                    p.discountRate.stripTrailingZeros().scale())), p.createdAt);
        }
    }

    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;
    @Inject
    BusinessClock clock;

    @POST
    @Transactional
    // the catalogue is one for the whole country and every card redeems against it: a clerk of one grassroots
    // union must not be able to add a partner (or a rate) that all unions' members then use, so only an admin writes it
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a benefit partner and its discount (roles: admin)",
            description = "discountRate is the share the member pays: 0.97 for 九七折, 0.95 for 九五折 (0 < rate ≤ 1). "
                    + "The catalogue is global, so only an admin adds to it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fuel at 九七折",
            value = "{\"name\":\"中石化绥中加油站\",\"category\":\"FUEL\",\"discountRate\":\"0.97\"}")))
    public Response create(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey, @Valid @NotNull PartnerRequest request) {
        if (!Discount.isValidRate(request.discountRate())) {
            throw ProblemException.invalid("discountRate", "must be greater than 0 and at most 1, with at most four decimals");
        }
        return idempotent.run(idempotencyKey, "POST /api/v1/benefit-partners " + actor.subject(), request, () -> {
            BenefitPartner p = new BenefitPartner();
            p.id = UUID.randomUUID();
            p.name = request.name().trim();
            p.category = request.category();
            p.discountRate = request.discountRate();
            p.createdAt = clock.now();
            p.createdBy = actor.subject();
            p.persist();
            return Response.created(URI.create("/api/v1/benefit-partners/" + p.id)).entity(PartnerResponse.of(p)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Benefit partners, optionally of one category (roles: member, staff, admin, partner)")
    public Page<PartnerResponse> list(@QueryParam("category") PartnerCategory category, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<BenefitPartner> rows = ListQuery.of(BenefitPartner.class, page)
                .filter("category = :category", "category", category)
                .orderBy(ListQuery.Key.uuid("id"))
                .fetch();
        return Page.of(rows, page.limit(), p -> PageRequest.encode(p.id), PartnerResponse::of);
    }
}
