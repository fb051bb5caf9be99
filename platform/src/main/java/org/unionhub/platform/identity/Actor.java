package org.unionhub.platform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Who is calling: the verified token's subject, roles, and member or organization. */
@RequestScoped
public class Actor {

    @Inject
    JsonWebToken token;

    /** The person; recorded on every state change. "anonymous" on public endpoints. */
    public String subject() {
        String sub = token == null ? null : token.getSubject();
        return sub == null ? "anonymous" : sub;
    }

    public Set<String> roles() {
        return token == null || token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean has(String role) {
        return roles().contains(role);
    }

    /** The member a worker's token speaks for. */
    public Optional<UUID> memberId() {
        return uuidClaim("memberId");
    }

    /** The organization whose subtree a staff token administers. */
    public Optional<UUID> orgId() {
        return uuidClaim("orgId");
    }

    /** A member may act only for himself; staff and admins are checked by scope elsewhere. */
    public boolean isSelf(UUID memberId) {
        return memberId != null && memberId().map(memberId::equals).orElse(false);
    }

    private Optional<UUID> uuidClaim(String name) {
        if (token == null) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().replace("\"", "");
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
