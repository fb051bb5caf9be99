package org.unionhub.infra.access;

import org.unionhub.infra.DevTokens;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A development token for each {@link Caller}; ANONYMOUS has none. */
public final class CallerTokens {

    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    private CallerTokens() {
    }

    /**
     * The usual tokens: the two members, staff of the record's organization, of its sibling and of its ancestor, and
     * role tokens for finance, partner, an unappointed judge and chief judge, and admin.
     */
    public static CallerTokens standard(UUID selfMemberId, UUID otherMemberId, UUID subtreeOrgId, UUID siblingOrgId,
                                        UUID ancestorOrgId) {
        CallerTokens t = new CallerTokens();
        t.tokens.put(Caller.SELF, DevTokens.member(selfMemberId));
        t.tokens.put(Caller.OTHER_MEMBER, DevTokens.member(otherMemberId));
        t.tokens.put(Caller.SUBTREE_STAFF, DevTokens.staff(subtreeOrgId));
        t.tokens.put(Caller.SIBLING_STAFF, DevTokens.staff(siblingOrgId));
        t.tokens.put(Caller.ANCESTOR_STAFF, DevTokens.staff(ancestorOrgId));
        t.tokens.put(Caller.FINANCE, DevTokens.role("finance"));
        t.tokens.put(Caller.PARTNER, DevTokens.role("partner"));
        t.tokens.put(Caller.OTHER_JUDGE, DevTokens.token("judge-not-appointed-" + UUID.randomUUID(), Set.of("judge"),
                null, null, java.time.Duration.ofHours(1)));
        t.tokens.put(Caller.OTHER_CHIEF_JUDGE, DevTokens.token("chief-judge-not-appointed-" + UUID.randomUUID(),
                Set.of("chief-judge"), null, null, java.time.Duration.ofHours(1)));
        t.tokens.put(Caller.ADMIN, DevTokens.role("admin"));
        return t;
    }

    /** Replaces one caller's token (e.g. a partner token with a {@code partnerId} claim). */
    public CallerTokens with(Caller caller, String token) {
        if (caller == Caller.ANONYMOUS) {
            throw new IllegalArgumentException("the anonymous caller has no token");
        }
        tokens.put(caller, token);
        return this;
    }

    Optional<String> of(Caller caller) {
        return Optional.ofNullable(tokens.get(caller));
    }
}
