package org.unionhub.membership.card;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code org.unionhub.membership.card.redeemed.v1} (schema: events/org.unionhub.membership.card.redeemed.v1.json).
 * Money as strings with two decimals ("291.00"); {@code cardId} is the card's number, its only identifier. No name, ID
 * number or phone: a partner receiving it learns what it already saw at the till.
 */
public record CardRedeemed(UUID redemptionId, String cardId, UUID memberId, UUID partnerId,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal saved,
                           Instant redeemedAt) {

    static CardRedeemed of(Redemption r) {
        return new CardRedeemed(r.id, r.cardNumber, r.memberId, r.partnerId, r.amount, r.payable, r.saved, r.redeemedAt);
    }
}
