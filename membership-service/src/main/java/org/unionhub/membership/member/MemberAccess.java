package org.unionhub.membership.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see or change a member: the member himself reads his own records; staff act inside their subtree.
 * A token that carries {@code staff} is judged by its staff scope alone, also when it carries {@code member}
 * too: adding a role to a token must never let it do more than either role would (issue 13).
 */
@ApplicationScoped
public class MemberAccess {

    @Inject
    Access access;

    public Member readable(UUID memberId) {
        Member m = require(memberId);
        if (isSelf(memberId)) {
            return m;
        }
        if (!covers(m)) {
            throw ProblemException.forbidden("you may read only your own records or members inside your organization's subtree");
        }
        return m;
    }

    /** Staff of the member's current organization (or above), or an admin. */
    public void requireManage(Member m) {
        if (!covers(m)) {
            throw ProblemException.forbidden("member " + m.id + " is outside your organization's subtree");
        }
    }

    /**
     * Admin, or staff of the member's organization or an organization above it. The member row carries its
     * organization's path, and paths never change (an organization is never moved; a transfer rewrites the member's
     * path in the same transaction), so staff of an ancestor are recognised from the row itself: before, every read by
     * federation staff cost a second query and a second transaction, for the organization projection (issue 17,
     * "GET member: where the time goes"). Anything the path does not settle goes to the organization scope as before.
     */
    private boolean covers(Member m) {
        if (access.actor().has(Roles.STAFF) && m.organizationPath != null) {
            Optional<UUID> staffOrg = access.actor().orgId();
            if (staffOrg.isPresent() && OrganizationPath.isWithin(m.organizationPath, staffOrg.get())) {
                return true;
            }
        }
        return access.covers(m.organizationId);
    }

    /** The member's own token speaking for him; never a staff or admin token, whatever else it carries. */
    public boolean isSelf(UUID memberId) {
        return access.actor().has(Roles.MEMBER) && access.actsAsSelf(memberId);
    }

    public static Member require(UUID id) {
        Member m = Member.<Member>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("member", id));
        return m;
    }
}
