package org.unionhub.membership.card;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

/**
 * The benefit partner a {@code partner} token is bound to: its {@code partnerId} claim names a row of the partner
 * catalogue ({@link BenefitPartner}). Without the claim, or naming no partner, the token checks no card: a bank's or a
 * city platform's partner token is not a fuel station's.
 */
@RequestScoped
public class PartnerCaller {

    public static final String CLAIM = "partnerId";

    @Inject
    JsonWebToken token;

    public BenefitPartner require() {
        Object claim = token == null ? null : token.getClaim(CLAIM);
        String value = claim == null ? null : claim.toString().replace("\"", "");
        if (value == null || value.isBlank()) {
            throw ProblemException.forbidden("this " + Roles.PARTNER + " token is bound to no benefit partner (claim " + CLAIM + ")");
        }
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("the token's " + CLAIM + " is not a benefit partner");
        }
        BenefitPartner p = BenefitPartner.findById(id);
        if (p == null) {
            throw ProblemException.forbidden("the token's " + CLAIM + " is not a benefit partner");
        }
        return p;
    }
}
