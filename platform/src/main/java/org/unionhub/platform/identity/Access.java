package org.unionhub.platform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;

import java.util.Optional;
import java.util.UUID;

/**
 * The access rules every service shares, over the membership projection: a member acts for himself; staff act inside
 * their organization's subtree; some decisions need staff strictly above an organization; admins act everywhere.
 * A service's own access class keeps only the rules of its domain (four eyes, judges, budgets) and calls these.
 *
 * <p>One rule for tokens with several roles: whenever the token carries {@code staff} (or {@code admin}), the staff
 * scope decides, and the token's {@code memberId} opens nothing. So adding a role never widens what a token may do:
 * a staff member who is also a member outside his subtree acts on his own records with his member token.
 */
@RequestScoped
public class Access {

    @Inject
    Actor actor;
    @Inject
    OrganizationScope scope;

    public Actor actor() {
        return actor;
    }

    public boolean isStaffLike() {
        return actor.has(Roles.STAFF) || actor.has(Roles.ADMIN);
    }

    /** The caller acts as the member himself: his own member token, without staff or admin in it. */
    public boolean actsAsSelf(UUID memberId) {
        return !isStaffLike() && actor.isSelf(memberId);
    }

    /** An admin, or staff of {@code organizationId} or one of its ancestors. */
    public boolean covers(UUID organizationId) {
        return isStaffLike() && scope.covers(organizationId);
    }

    /** Staff may act only inside their subtree: 403 otherwise. */
    public void requireStaffOver(UUID organizationId) {
        if (!isStaffLike()) {
            throw ProblemException.forbidden("this needs the staff role");
        }
        scope.require(organizationId);
    }

    /**
     * Staff of an organization strictly above {@code organizationId}, or an admin: an organization does not rate,
     * fund or approve itself.
     */
    public void requireStrictlyAbove(UUID organizationId) {
        if (actor.has(Roles.ADMIN)) {
            return;
        }
        if (!isStrictlyAbove(organizationId)) {
            throw ProblemException.forbidden("only staff of a federation above organization " + organizationId + " may do this");
        }
    }

    /** The caller is staff of a strict ancestor of {@code organizationId} (admins are not: they stand outside the tree). */
    public boolean isStrictlyAbove(UUID organizationId) {
        UUID staffOrg = staffOrganization().orElse(null);
        if (!actor.has(Roles.STAFF) || staffOrg == null || organizationId == null || staffOrg.equals(organizationId)) {
            return false;
        }
        OrganizationView org = OrganizationView.findById(organizationId);
        return org != null && org.isWithin(staffOrg);
    }

    /** Staff, an admin, or the member himself may read a member's records (keyed by both ids). */
    private boolean mayRead(UUID memberId, UUID organizationId) {
        return isStaffLike() ? scope.covers(organizationId) : actor.isSelf(memberId);
    }

    public void requireRead(UUID memberId, UUID organizationId) {
        if (!mayRead(memberId, organizationId)) {
            throw ProblemException.forbidden("you may see only your own records, or those of members inside your organization's subtree");
        }
    }

    /**
     * Reading what is kept under a member's id: the member himself, or staff covering his organization. An unknown
     * member is 404 for staff and 403 for members (a member learns nothing about other ids).
     */
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
     * Acting for a member (apply, enroll, refer, open a case, book): the member himself, or staff covering his
     * organization; and the member must be known here. Returns his view. Refusals come before the existence check,
     * so that a member probing other ids learns nothing (403), and an unknown member is 422 member-unknown.
     */
    public MemberView requireActingFor(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        if (!actsAsSelf(memberId)) {
            if (!isStaffLike()) {
                throw ProblemException.forbidden("a member may act only for himself");
            }
            if (m != null) {
                scope.require(m.organizationId);
            }
        }
        if (m == null) {
            throw ProblemException.rule("member-unknown", "member " + memberId + " is not known to this service");
        }
        return m;
    }

    /** Nobody decides about (approves, pays) money for himself, whatever his roles. */
    public void requireNotOwn(UUID memberId, String what) {
        if (memberId != null && actor.isSelf(memberId)) {
            throw new ProblemException(403, "four-eyes", "Forbidden", "nobody " + what + " for himself");
        }
    }

    /** The root of the subtree a staff list is confined to; empty for admins (everything). */
    public Optional<UUID> listScope() {
        if (actor.has(Roles.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(staffOrganization().orElseThrow(() -> ProblemException.forbidden("a staff token without orgId sees nothing")));
    }

    private Optional<UUID> staffOrganization() {
        return actor.orgId();
    }
}
