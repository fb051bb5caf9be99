package org.unionhub.venue.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;

import java.util.UUID;

/**
 * The access rules of venue-service's own domain; the shared ones (staff over a subtree, staff strictly above an
 * organization, a member acting for himself) are the platform's {@link Access}. Here: a venue goes only under a parent
 * of the caller's subtree, staff spend only budgets of their own subtree, and booking for a member who need not be
 * known to this service.
 */
@RequestScoped
public class VenueAccess {

    @Inject
    Access access;

    /**
     * A venue goes only under a parent venue whose organization the caller covers: the parent's network, its counts
     * and its visit statistics belong to the parent's organization.
     */
    public void requireParentInScope(UUID parentVenueId, UUID parentOrganizationId) {
        if (!access.covers(parentOrganizationId)) {
            throw ProblemException.forbidden("parent venue " + parentVenueId + " belongs to organization " + parentOrganizationId
                    + ", outside your organization's subtree");
        }
    }

    /**
     * Spending a budget: staff of the budget's organization or above, or an admin. A city federation does not commit
     * the province's money even where it may rate the venue.
     */
    public void requireSpend(UUID budgetOrganizationId) {
        if (!access.covers(budgetOrganizationId)) {
            throw new ProblemException(403, "budget-outside-scope", "Forbidden", "the money would come from the budget of organization "
                    + budgetOrganizationId + ", outside your organization's subtree").with("budgetOrganizationId", budgetOrganizationId);
        }
    }

    /**
     * Booking for a member: the member himself, or staff whose subtree holds him (an admin anywhere). Unlike
     * {@link Access#requireActingFor} the member need not be known here: an open activity takes any member id, and a
     * members-only one answers an unknown member with its own 422 (member-not-active, status UNKNOWN).
     */
    public void requireBookingFor(UUID memberId) {
        if (access.actsAsSelf(memberId)) {
            return;
        }
        MemberView m = MemberView.findById(memberId);
        if (!access.covers(m == null ? null : m.organizationId)) {
            throw ProblemException.forbidden("a member may act only on his own records");
        }
    }
}
