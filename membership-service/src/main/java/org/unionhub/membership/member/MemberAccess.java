package org.unionhub.membership.member;

import jakarta.enterprise.context.ApplicationScoped;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Who may see or change a member: the member himself reads his own records; staff act inside their subtree.
 * A token that carries {@code staff} is judged by its staff scope alone, also when it carries {@code member}
 * too: adding a role to a token must never let it do more than either role would (issue 13).
 */
@ApplicationScoped
public class MemberAccess {

    private final Actor actor;
    private final OrganizationScope scope;

    public MemberAccess(Actor actor, OrganizationScope scope) {
        this.actor = actor;
        this.scope = scope;
    }

    public Member readable(UUID memberId) {
        Member m = require(memberId);
        if (isSelf(memberId)) {
            return m;
        }
        if (!scope.covers(m.organizationId)) {
            throw ProblemException.forbidden("you may read only your own records or members inside your organization's subtree");
        }
        return m;
    }

    /** Staff of the member's current organization (or above), or an admin. */
    public void requireManage(Member m) {
        if (!scope.covers(m.organizationId)) {
            throw ProblemException.forbidden("member " + m.id + " is outside your organization's subtree");
        }
    }

    /** The member's own token speaking for him; never a staff token, whatever else it carries. */
    public boolean isSelf(UUID memberId) {
        return !actor.has(Roles.STAFF) && actor.has(Roles.MEMBER) && actor.isSelf(memberId);
    }

    public static Member require(UUID id) {
        Member m = Member.findById(id);
        if (m == null) {
            throw ProblemException.notFound("member", id);
        }
        return m;
    }
}
