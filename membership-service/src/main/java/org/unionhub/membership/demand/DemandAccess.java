package org.unionhub.membership.demand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.membership.member.Member;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Who may see and act on demands and forums. One rule for mixed roles: a token that carries {@code staff} (or
 * {@code admin}) is judged by its staff scope alone, and its {@code memberId} claim then counts for nothing; only a
 * token without staff is judged as a member, and a member reaches only his own demands. So adding a role to a token
 * never widens what it reaches.
 */
@ApplicationScoped
public class DemandAccess {

    @Inject
    Access access;

    /** True when the caller is judged by staff scope (staff or admin token), whatever else the token holds. */
    public boolean judgedAsStaff() {
        return access.isStaffLike();
    }

    /** A member-only token speaking for this member. */
    public boolean isMemberHimself(UUID memberId) {
        return access.actor().has(Roles.MEMBER) && access.actsAsSelf(memberId);
    }

    /** The member himself, or staff over the organization answering it or over the member's organization. */
    public void requireRead(Demand d) {
        if (judgedAsStaff() ? access.covers(d.answeringOrganizationId) || access.covers(d.memberOrganizationId)
                : isMemberHimself(d.memberId)) {
            return;
        }
        throw ProblemException.forbidden("you may read only your own demands or those of your organization's subtree");
    }

    /** Only staff over the organization that must answer (its own, or above it) move a demand on. */
    public void requireAnswer(Demand d) {
        if (!access.covers(d.answeringOrganizationId)) {
            throw ProblemException.forbidden("only staff of organization " + d.answeringOrganizationId
                    + " or above it answer this demand");
        }
    }

    /** A member's demand list: the member himself, or staff over his organization. */
    public void requireMemberRecords(Member m) {
        if (judgedAsStaff() ? access.covers(m.organizationId) : isMemberHimself(m.id)) {
            return;
        }
        throw ProblemException.forbidden("you may read only your own demands or those of members inside your organization's subtree");
    }

    /** Staff over the organization (lists, figures, forums). */
    public void requireOrganization(UUID organizationId) {
        if (!judgedAsStaff()) {
            throw ProblemException.forbidden("only staff of the organization or above it, or an admin");
        }
        access.requireStaffOver(organizationId);
    }

    /**
     * Who raises for whom, and by which channel: staff record for a member of their subtree (FORUM or VISIT, named);
     * a member raises for himself from the app.
     */
    public DemandChannel checkRaise(Member m, DemandChannel requested) {
        if (judgedAsStaff()) {
            if (!access.covers(m.organizationId)) {
                throw ProblemException.forbidden("member " + m.id + " is outside your organization's subtree");
            }
            if (requested == null) {
                throw ProblemException.invalid("channel", "is required when staff record a demand (FORUM or VISIT)");
            }
            if (requested == DemandChannel.APP) {
                throw ProblemException.invalid("channel", "APP is a member raising his own demand; staff record FORUM or VISIT");
            }
            return requested;
        }
        if (isMemberHimself(m.id)) {
            if (requested != null && requested != DemandChannel.APP) {
                throw ProblemException.invalid("channel", "a member raises his demands from the app (APP)");
            }
            return DemandChannel.APP;
        }
        throw ProblemException.forbidden("a member may raise demands only for himself");
    }
}
