package org.unionhub.assistance.application;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FourEyesTest {

    private final UUID city = UUID.randomUUID();
    private final UUID county = UUID.randomUUID();
    private final String countyPath = "/" + UUID.randomUUID() + "/" + city + "/" + county + "/";

    @Test
    void theSubmitterNeverApproves() {
        assertThatThrownBy(() -> FourEyes.firstApproval("staff-1", "staff-1"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("four-eyes"));
        assertThatCode(() -> FourEyes.firstApproval("staff-2", "staff-1")).doesNotThrowAnyException();
    }

    @Test
    void theSecondApprovalComesFromAnotherPersonAbove() {
        assertThatCode(() -> FourEyes.secondApproval("city-1", "member-1", "county-1", city, county, countyPath, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FourEyes.secondApproval("county-1", "member-1", "county-1", city, county, countyPath, false))
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("four-eyes"));
    }

    @Test
    void staffOfTheSameLevelCannotGiveTheSecondApproval() {
        assertThatThrownBy(() -> FourEyes.secondApproval("county-2", "member-1", "county-1", county, county, countyPath, false))
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("next-level-required"));
        UUID elsewhere = UUID.randomUUID();
        assertThatThrownBy(() -> FourEyes.secondApproval("other-1", "member-1", "county-1", elsewhere, county, countyPath, false))
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("next-level-required"));
    }
}
