package org.unionhub.membership.card;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.unionhub.platform.money.Amount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The till of a benefit partner (a fuel or repair station): check a card and record a purchase with it, with a
 * {@code partner} token bound to that partner ({@link PartnerCaller}). The partner learns whether the card is active and
 * what it gives on it; never who holds the card (no name, ID number or phone).
 */
@Path("/api/v1/partner/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit cards")
public class PartnerCardResource {

    public record CardCheck(String cardNumber, boolean active, UUID partnerId, String partnerName, PartnerCategory category,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountRate) {
    }

    public record PurchaseRequest(@NotNull @Amount(integerDigits = 10) BigDecimal amount) {
    }

    public record PurchaseResponse(UUID redemptionId, String cardNumber, UUID partnerId,
                                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid,
                                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal saved, Instant redeemedAt) {
    }

    @Inject
    Cards cards;
    @Inject
    PartnerCaller partner;
    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;

    @GET
    @Path("/{number}")
    @Transactional
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Check a benefit card at the partner's till (roles: partner bound to a benefit partner by its partnerId claim)",
            description = "active = the card is valid and its member active; discountRate is what THIS partner gives (0.97 = 九七折). "
                    + "No personal data. 404 for an unknown number; 403 for a partner token bound to no benefit partner.")
    public CardCheck check(@PathParam("number") String number) {
        BenefitPartner p = partner.require();
        Card c = Card.<Card>findByIdOptional(number).orElseThrow(() -> ProblemException.notFound("card", number));
        Member m = Member.findById(c.memberId);
        boolean active = c.status == Card.Status.VALID && m != null && m.status == Member.Status.ACTIVE;
        return new CardCheck(c.number, active, p.id, p.name, p.category, BenefitPartnerResource.PartnerResponse.of(p).discountRate());
    }

    @POST
    @Path("/{number}/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Record a purchase with the card at the token's partner (roles: partner bound to a benefit partner); Idempotency-Key required",
            description = "paid = amount × the partner's rate, half-up to the fen; saved = amount − paid. Fuel 300.00 at 0.97 → paid 291.00, "
                    + "saved 9.00. A retry with the same Idempotency-Key answers the first result and counts once; the same key with "
                    + "another body is 422 idempotency-key-reused; without the header 400. 422 card-blocked / member-not-active.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fuel", value = "{\"amount\":\"300.00\"}")))
    public Response redeem(@PathParam("number") String number, @HeaderParam(IdempotentPost.HEADER) String key,
                           @Valid @NotNull PurchaseRequest request) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(IdempotentPost.HEADER, "is required: a retried purchase must not count twice");
        }
        BenefitPartner p = partner.require();
        // the key is the partner's own (two stations may both use "1"); the card is part of the request it keys
        return idempotent.run(key, "POST /api/v1/partner/cards/redemptions " + p.id, new Keyed(number, request.amount()), () -> {
            Card c = Cards.lockCard(number);
            Redemption r = cards.redeem(c, p, request.amount(), actor.subject());
            return Response.created(URI.create("/api/v1/partner/cards/" + number + "/redemptions/" + r.id))
                    .entity(new PurchaseResponse(r.id, r.cardNumber, r.partnerId, r.amount, r.payable, r.saved, r.redeemedAt)).build();
        });
    }

    /** What the Idempotency-Key stands for: this card and this amount (300 and 300.00 are one purchase). */
    public record Keyed(String cardNumber, String amount) {
        Keyed(String cardNumber, BigDecimal amount) {
            this(cardNumber, amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
        }
    }
}
