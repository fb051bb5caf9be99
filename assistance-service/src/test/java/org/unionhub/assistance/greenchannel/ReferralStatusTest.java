package org.unionhub.assistance.greenchannel;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralStatusTest {

    @Test
    void referredThenAdmittedThenClosed() {
        assertThat(ReferralStatus.REFERRED.next(ReferralStatus.ADMITTED)).isEqualTo(ReferralStatus.ADMITTED);
        assertThat(ReferralStatus.ADMITTED.next(ReferralStatus.CLOSED)).isEqualTo(ReferralStatus.CLOSED);
        assertThat(ReferralStatus.REFERRED.next(ReferralStatus.CLOSED)).isEqualTo(ReferralStatus.CLOSED);
    }

    @Test
    void noWayBackAndNothingAfterClosing() {
        assertThatThrownBy(() -> ReferralStatus.ADMITTED.next(ReferralStatus.REFERRED)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ReferralStatus.CLOSED.next(ReferralStatus.ADMITTED))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> ReferralStatus.ADMITTED.next(ReferralStatus.ADMITTED)).isInstanceOf(ProblemException.class);
    }
}
