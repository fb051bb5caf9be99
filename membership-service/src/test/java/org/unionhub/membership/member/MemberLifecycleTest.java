package org.unionhub.membership.member;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionhub.membership.member.Member.Status.*;
import static org.unionhub.membership.member.MemberLifecycle.Action.*;

class MemberLifecycleTest {

    @Test
    void theAllowedTransitions() {
        assertThat(MemberLifecycle.next(PENDING, APPROVE)).isEqualTo(ACTIVE);
        assertThat(MemberLifecycle.next(PENDING, REJECT)).isEqualTo(REJECTED);
        assertThat(MemberLifecycle.next(ACTIVE, SUSPEND)).isEqualTo(SUSPENDED);
        assertThat(MemberLifecycle.next(SUSPENDED, REINSTATE)).isEqualTo(ACTIVE);
        assertThat(MemberLifecycle.next(ACTIVE, LEAVE)).isEqualTo(LEFT);
        assertThat(MemberLifecycle.next(SUSPENDED, LEAVE)).isEqualTo(LEFT);
        assertThat(MemberLifecycle.next(ACTIVE, TRANSFER)).isEqualTo(ACTIVE);
    }

    @Test
    void illegalTransitionsAre409WithTheCurrentStatus() {
        assertIllegal(ACTIVE, APPROVE);
        assertIllegal(LEFT, REINSTATE);
        assertIllegal(REJECTED, APPROVE);
        assertIllegal(PENDING, SUSPEND);
        assertIllegal(PENDING, TRANSFER);
        assertIllegal(LEFT, LEAVE);
        assertIllegal(ACTIVE, REINSTATE);
    }

    @Test
    void onlyAPersonWithoutAMembershipMayJoin() {
        MemberLifecycle.checkMayJoin(null);
        MemberLifecycle.checkMayJoin(LEFT);
        MemberLifecycle.checkMayJoin(REJECTED);
        for (Member.Status s : new Member.Status[]{PENDING, ACTIVE, SUSPENDED}) {
            assertThatThrownBy(() -> MemberLifecycle.checkMayJoin(s)).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(409));
        }
    }

    private static void assertIllegal(Member.Status from, MemberLifecycle.Action a) {
        assertThatThrownBy(() -> MemberLifecycle.next(from, a)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.extensions()).containsEntry("currentStatus", from.name());
        });
    }
}
