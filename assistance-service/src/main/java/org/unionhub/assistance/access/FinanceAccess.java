package org.unionhub.assistance.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;

/**
 * Assistance's own access rule beyond the platform's {@link org.unionhub.platform.identity.Access}: finance pays
 * nationally, and reads only what paying needs. A token that also carries staff or admin is held to the staff scope
 * (adding a role never widens what a token may do).
 */
@RequestScoped
public class FinanceAccess {

    @Inject
    Actor actor;

    /** A finance token without staff or admin: it pays, and reads only what paying needs. */
    public boolean isFinanceOnly() {
        return !actor.has(Roles.STAFF) && !actor.has(Roles.ADMIN) && actor.has(Roles.FINANCE);
    }

    /** Reports without a subtree: an admin, or finance without staff. */
    public boolean readsNationally() {
        return actor.has(Roles.ADMIN) || isFinanceOnly();
    }
}
