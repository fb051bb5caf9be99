package org.unionhub.membership.member;

import org.unionhub.platform.problem.ProblemException;

import java.util.EnumSet;
import java.util.Set;

import static org.unionhub.membership.member.Member.Status.ACTIVE;
import static org.unionhub.membership.member.Member.Status.LEFT;
import static org.unionhub.membership.member.Member.Status.PENDING;
import static org.unionhub.membership.member.Member.Status.REJECTED;
import static org.unionhub.membership.member.Member.Status.SUSPENDED;

/** The allowed changes of a membership's status. */
public final class MemberLifecycle {

    public enum Action {
        APPROVE(EnumSet.of(PENDING), ACTIVE, "approved"),
        REJECT(EnumSet.of(PENDING), REJECTED, "rejected"),
        /** 会籍转移: the status stays, the organization changes. */
        TRANSFER(EnumSet.of(ACTIVE), null, "transferred"),
        SUSPEND(EnumSet.of(ACTIVE), SUSPENDED, "suspended"),
        REINSTATE(EnumSet.of(SUSPENDED), ACTIVE, "reinstated"),
        LEAVE(EnumSet.of(ACTIVE, SUSPENDED), LEFT, "left");

        final Set<Member.Status> from;
        final Member.Status to;
        public final String verb;

        Action(Set<Member.Status> from, Member.Status to, String verb) {
            this.from = from;
            this.to = to;
            this.verb = verb;
        }
    }

    private MemberLifecycle() {
    }

    /** The status after the action, or 409 carrying the current status. */
    public static Member.Status next(Member.Status current, Action action) {
        if (!action.from.contains(current)) {
            throw ProblemException.conflict("illegal-transition",
                            "a member whose status is " + current + " cannot be " + action.verb
                                    + " (allowed from " + action.from + ")")
                    .with("currentStatus", current.name());
        }
        return action.to == null ? current : action.to;
    }

    /** Whether a person whose membership is in this status may join again. */
    public static void checkMayJoin(Member.Status existing) {
        if (existing != null && existing.holdsMembership()) {
            throw ProblemException.conflict("already-member",
                    "this person already has a membership that is " + existing + "; one active membership per person")
                    .with("currentStatus", existing.name());
        }
    }
}
