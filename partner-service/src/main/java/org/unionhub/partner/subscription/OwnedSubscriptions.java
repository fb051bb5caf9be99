package org.unionhub.partner.subscription;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.unionhub.partner.partner.PartnerCaller;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Finds a subscription for the caller: a partner finds only its own (another partner's is "not found", so ids
 * cannot be probed), an admin may read any.
 */
@RequestScoped
public class OwnedSubscriptions {

    @Inject
    PartnerCaller caller;
    @Inject
    Actor actor;

    public Subscription readable(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null || !(actor.has(Roles.ADMIN) || isOwn(s))) {
            throw ProblemException.notFound("webhook subscription", id);
        }
        return s;
    }

    public Subscription writable(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null || !isOwn(s)) {
            throw ProblemException.notFound("webhook subscription", id);
        }
        return s;
    }

    private boolean isOwn(Subscription s) {
        return caller.partnerId().map(s.partnerId::equals).orElse(false);
    }
}
