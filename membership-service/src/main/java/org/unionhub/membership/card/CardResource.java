package org.unionhub.membership.card;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.unionhub.platform.money.Amount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberAccess;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit cards")
public class CardResource {

    public record RedemptionRequest(@NotNull UUID partnerId,
                                    @NotNull @Amount(integerDigits = 10) BigDecimal amount) {
    }

    public record RedemptionResponse(UUID id, String cardNumber, UUID partnerId,
                                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal payable,
                                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal saved, Instant redeemedAt) {
    }

    @Inject
    Cards cards;
    @Inject
    MemberAccess access;
    @Inject
    Actor actor;

    @POST
    @Path("/{number}/block")
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Block a card, e.g. when lost (roles: the card's member himself, staff of his subtree, admin)")
    public MemberCardResource.CardResponse block(@PathParam("number") String number) {
        Card c = Cards.lockCard(number);
        Member m = Member.findById(c.memberId);
        if (!access.isSelf(m.id)) {
            access.requireManage(m);
        }
        return MemberCardResource.CardResponse.of(cards.block(c, actor.subject()));
    }

    @POST
    @Path("/{number}/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Record a purchase with the card at a partner and compute the discount exactly (roles: staff of the member's subtree, admin)",
            description = "Refused (422) for a blocked card or a member who is no longer active. Fuel 300.00 at 0.97 → payable 291.00, saved 9.00.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fuel",
            value = "{\"partnerId\":\"6f1c2d3e-0000-4000-8000-0000000000f1\",\"amount\":\"300.00\"}")))
    public Response redeem(@PathParam("number") String number, @Valid @NotNull RedemptionRequest request) {
        Card c = Cards.lockCard(number);
        access.requireManage(Member.findById(c.memberId));
        BenefitPartner p = BenefitPartner.findById(request.partnerId());
        if (p == null) {
            throw ProblemException.invalid("partnerId", "no such benefit partner");
        }
        Redemption r = cards.redeem(c, p, request.amount(), actor.subject());
        return Response.created(URI.create("/api/v1/cards/" + number + "/redemptions/" + r.id))
                .entity(new RedemptionResponse(r.id, r.cardNumber, r.partnerId, r.amount, r.payable, r.saved, r.redeemedAt)).build();
    }
}
