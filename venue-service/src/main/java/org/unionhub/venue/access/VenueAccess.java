package org.unionhub.venue.access;

import jakarta.enterprise.context.RequestScoped;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;

import java.util.UUID;

/**
 * The access rules of venue-service in one place: staff manage venues of their subtree (and attach them only under
 * parents of their subtree); evaluations and subsidy decisions need staff of a federation strictly above the venue's
 * organization (a venue's own union does not rate or fund itself), an organization's budget is set from above it, and
 * staff spend only budgets of their own subtree; members act only for themselves.
 */
@RequestScoped
public class VenueAccess {

    private final Actor actor;
    private final OrganizationScope scope;

    public VenueAccess(Actor actor, OrganizationScope scope) {
        this.actor = actor;
        this.scope = scope;
    }

    public Actor actor() {
        return actor;
    }

    /** Staff of the venue's organization or above, or an admin. */
    public boolean manages(UUID organizationId) {
        return scope.covers(organizationId);
    }

    public void requireManage(UUID organizationId) {
        scope.require(organizationId);
    }

    /** Staff of an organization strictly above {@code organizationId} (or an admin). */
    public void requireFederationAbove(UUID organizationId) {
        if (actor.has(Roles.ADMIN)) {
            return;
        }
        UUID staffOrg = actor.orgId().orElse(null);
        boolean above = actor.has(Roles.STAFF) && staffOrg != null && !staffOrg.equals(organizationId)
                && isWithin(organizationId, staffOrg);
        if (!above) {
            throw ProblemException.forbidden("only staff of a federation above organization " + organizationId + " may do this");
        }
    }

    /**
     * A venue goes only under a parent venue whose organization the caller covers: the parent's network, its counts
     * and its visit statistics belong to the parent's organization.
     */
    public void requireParentInScope(UUID parentVenueId, UUID parentOrganizationId) {
        if (!scope.covers(parentOrganizationId)) {
            throw ProblemException.forbidden("parent venue " + parentVenueId + " belongs to organization " + parentOrganizationId
                    + ", outside your organization's subtree");
        }
    }

    /**
     * Spending a budget: staff of the budget's organization or above, or an admin. A city federation does not commit
     * the province's money even where it may rate the venue.
     */
    public void requireSpend(UUID budgetOrganizationId) {
        if (!scope.covers(budgetOrganizationId)) {
            throw new ProblemException(403, "budget-outside-scope", "Forbidden", "the money would come from the budget of organization "
                    + budgetOrganizationId + ", outside your organization's subtree").with("budgetOrganizationId", budgetOrganizationId);
        }
    }

    /** A member acting for himself, or staff whose subtree holds the member. */
    public void requireSelfOrStaffOf(UUID memberId) {
        if (actor.isSelf(memberId) || actor.has(Roles.ADMIN)) {
            return;
        }
        if (actor.has(Roles.STAFF)) {
            MemberView m = MemberView.findById(memberId);
            if (m != null && actor.orgId().map(m::belongsUnder).orElse(false)) {
                return;
            }
        }
        throw ProblemException.forbidden("a member may act only on his own records");
    }

    private static boolean isWithin(UUID organizationId, UUID ancestor) {
        OrganizationView org = OrganizationView.findById(organizationId);
        return org != null && org.isWithin(ancestor);
    }
}
