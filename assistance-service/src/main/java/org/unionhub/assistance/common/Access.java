package org.unionhub.assistance.common;

import jakarta.enterprise.context.RequestScoped;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;

import java.util.UUID;

/**
 * Who may see or act on a member's records: the member himself, staff whose subtree holds the
 * member's organization, and admins. Nobody else, and never one member for another.
 */
@RequestScoped
public class Access {

    private final Actor actor;
    private final OrganizationScope scope;

    public Access(Actor actor, OrganizationScope scope) {
        this.actor = actor;
        this.scope = scope;
    }

    public boolean isStaffLike() {
        return actor.has(Roles.STAFF) || actor.has(Roles.ADMIN);
    }

    /** Staff of the member's subtree, an admin, or the member himself. */
    public boolean mayRead(UUID memberId, UUID organizationId) {
        if (actor.isSelf(memberId)) {
            return true;
        }
        return isStaffLike() && scope.covers(organizationId);
    }

    public void requireRead(UUID memberId, UUID organizationId) {
        if (!mayRead(memberId, organizationId)) {
            throw ProblemException.forbidden("you may see only your own records, or those of members inside your organization's subtree");
        }
    }

    /** For reads keyed by member id: the member himself, or staff covering the member's organization. */
    public void requireReadMember(UUID memberId) {
        if (actor.isSelf(memberId)) {
            return;
        }
        MemberView m = MemberView.findById(memberId);
        if (m == null) {
            if (isStaffLike()) {
                throw ProblemException.notFound("member", memberId);
            }
            throw ProblemException.forbidden("a member may see only his own records");
        }
        requireRead(memberId, m.organizationId);
    }

    /** Staff may act only inside their subtree. */
    public void requireStaffOver(UUID organizationId) {
        if (!isStaffLike()) {
            throw ProblemException.forbidden("this needs the staff role");
        }
        scope.require(organizationId);
    }

    public boolean staffCovers(UUID organizationId) {
        return isStaffLike() && scope.covers(organizationId);
    }

    /** The path prefix that confines a staff list to the caller's subtree; null for admins (everything). */
    public String subtreeMarker() {
        if (actor.has(Roles.ADMIN)) {
            return null;
        }
        UUID org = actor.orgId().orElseThrow(() -> ProblemException.forbidden("a staff token without orgId sees nothing"));
        return "%/" + org + "/%";
    }

    public Actor actor() {
        return actor;
    }
}
