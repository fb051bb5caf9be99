package org.unionhub.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;

import java.util.UUID;

/**
 * Decides whether staff of one organization may act on another: only inside their own subtree,
 * as the organization projection describes it. Admins act everywhere.
 */
@ApplicationScoped
public class OrganizationScope {

    @Inject
    Actor actor;

    /** True when the caller is an admin, or staff of {@code organizationId} or one of its ancestors. */
    public boolean covers(UUID organizationId) {
        if (actor.has(Roles.ADMIN)) {
            return true;
        }
        if (!actor.has(Roles.STAFF) || organizationId == null) {
            return false;
        }
        UUID staffOrg = actor.orgId().orElse(null);
        if (staffOrg == null) {
            return false;
        }
        if (staffOrg.equals(organizationId)) {
            return true;
        }
        OrganizationView org = OrganizationView.findById(organizationId);
        return org != null && org.isWithin(staffOrg);
    }

    public void require(UUID organizationId) {
        if (!covers(organizationId)) {
            throw ProblemException.forbidden("organization " + organizationId + " is outside your organization's subtree");
        }
    }
}
