package org.unionhub.assistance.relief;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may do what with relief campaigns. One rule for mixed roles: whenever the token carries {@code staff}, the
 * staff scope (the subtree of its {@code orgId}) decides, so adding admin, finance or member to a staff token never
 * lets it act outside its subtree. Admin powers apply to admin tokens without staff only.
 */
@RequestScoped
public class ReliefAccess {

    @Inject
    Actor actor;

    public Actor actor() {
        return actor;
    }

    boolean isStaff() {
        return actor.has(Roles.STAFF);
    }

    /** An admin token without staff: acts everywhere. */
    boolean isPlainAdmin() {
        return actor.has(Roles.ADMIN) && !isStaff();
    }

    /** The staff token's organization covers this organization path ({@code /root/.../org/}). */
    boolean staffCovers(String organizationPath) {
        return isStaff() && OrganizationPath.isWithin(organizationPath, actor.orgId().orElse(null));
    }

    /** Define or change: staff over the organization, or an admin. */
    void requireManage(String organizationPath) {
        if (isStaff() ? !staffCovers(organizationPath) : !actor.has(Roles.ADMIN)) {
            throw ProblemException.forbidden("relief campaigns are run by staff of the organization or above it");
        }
    }

    /** Read a campaign: staff over its organization, finance (who pays it), an admin. */
    void requireRead(String organizationPath) {
        boolean allowed = isStaff() ? staffCovers(organizationPath) : actor.has(Roles.ADMIN) || actor.has(Roles.FINANCE);
        if (!allowed) {
            throw ProblemException.forbidden("campaigns are seen by staff of their organization or above, finance and admins");
        }
    }

    /** Pay a campaign: finance; a finance token that also carries staff pays only inside its subtree. */
    void requireFinance(String organizationPath) {
        if (!actor.has(Roles.FINANCE) || (isStaff() && !staffCovers(organizationPath))) {
            throw ProblemException.forbidden("finance pays campaigns (inside its subtree when the token also carries staff)");
        }
    }

    /** A member's relief: the member himself, staff over his organization, an admin. */
    void requireMemberRead(UUID memberId, String organizationPath) {
        boolean allowed = isStaff() ? staffCovers(organizationPath) : actor.isSelf(memberId) || actor.has(Roles.ADMIN);
        if (!allowed) {
            throw ProblemException.forbidden("a member sees only his own relief; staff only inside their subtree");
        }
    }

    /** The root of the subtree a list is confined to: the staff token's organization; empty for admins and finance (everything). */
    Optional<UUID> listScope() {
        if (isStaff()) {
            return Optional.of(actor.orgId().orElseThrow(() -> ProblemException.forbidden("a staff token without orgId sees nothing")));
        }
        return Optional.empty();
    }
}
