package org.unionhub.partner.partner;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * The partner a {@code partner} token speaks for (claim {@code partnerId}). A partner token without the claim, or
 * naming no registered partner, manages nothing.
 */
@RequestScoped
public class PartnerCaller {

    @Inject
    JsonWebToken token;

    public Optional<UUID> partnerId() {
        if (token == null || token.getGroups() == null || !token.getGroups().contains(Roles.PARTNER)) {
            return Optional.empty();
        }
        Object value = token.getClaim("partnerId");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The calling partner, registered; 403 otherwise. */
    public Partner require() {
        UUID id = partnerId().orElseThrow(() -> ProblemException.forbidden("a partner token with a partnerId claim is needed"));
        Partner p = Partner.findById(id);
        if (p == null) {
            throw ProblemException.forbidden("the token's partnerId names no registered partner");
        }
        return p;
    }
}
