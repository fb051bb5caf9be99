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
 *
 * <p>One rule for tokens with several roles: whenever the token carries {@code staff} (or
 * {@code admin}), the staff scope decides, and the token's {@code memberId} opens nothing. So adding
 * a role never widens what a token may do: a staff member who is also a member of an organization
 * outside his subtree acts on his own records with his member token, not with his staff token.
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

    /** The caller acts as the member himself: his own member token, without staff or admin in it. */
    public boolean actsAsSelf(UUID memberId) {
        return !isStaffLike() && actor.isSelf(memberId);
    }

    /** A finance token without staff or admin: it pays, and reads only what paying needs. */
    public boolean isFinanceOnly() {
        return !isStaffLike() && actor.has(Roles.FINANCE);
    }

    /** Staff of the member's subtree, an admin, or the member himself. */
    public boolean mayRead(UUID memberId, UUID organizationId) {
        if (isStaffLike()) {
            return scope.covers(organizationId);
        }
        return actor.isSelf(memberId);
    }

    public void requireRead(UUID memberId, UUID organizationId) {
        if (!mayRead(memberId, organizationId)) {
            throw ProblemException.forbidden("you may see only your own records, or those of members inside your organization's subtree");
        }
    }

    /** For reads keyed by member id: the member himself, or staff covering the member's organization. */
    public void requireReadMember(UUID memberId) {
        if (actsAsSelf(memberId)) {
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

    /**
     * Acting for a member (apply, enroll, refer, open a case): the member himself, or staff covering
     * his organization. {@code organizationId} is null when the member is unknown here: the use
     * case then answers 422 member-unknown, which tells nothing about anyone's records.
     */
    public void requireActFor(UUID memberId, UUID organizationId) {
        if (actsAsSelf(memberId)) {
            return;
        }
        if (!isStaffLike()) {
            throw ProblemException.forbidden("a member may act only for himself");
        }
        if (organizationId != null) {
            scope.require(organizationId);
        }
    }

    /** A staff member never decides about (approves, pays) money for himself. */
    public void requireNotOwn(UUID memberId, String what) {
        if (memberId != null && actor.isSelf(memberId)) {
            throw new ProblemException(403, "four-eyes", "Forbidden", "nobody " + what + " for himself");
        }
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
