package org.unionhub.competition.ranking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MedalNominationTest {

    static MedalNomination.Candidate candidate(String name, int rank, String disqualified, String status) {
        return new MedalNomination.Candidate(UUID.randomUUID(), UUID.randomUUID(), name, rank, new BigDecimal("98.60"), disqualified, status);
    }

    @Test
    void theEligibleFirstIsNominated() {
        MedalNomination.Candidate first = candidate("王磊", 1, null, "ACTIVE");
        MedalNomination.Outcome o = MedalNomination.decide(List.of(first, candidate("李娜", 2, null, "ACTIVE")));
        assertThat(o.nominee()).isEqualTo(first);
        assertThat(o.reason()).isNull();
    }

    @Test
    void aDisqualifiedFirstMeansNobodyAndTheReasonSaysWhy() {
        MedalNomination.Outcome o = MedalNomination.decide(List.of(candidate("王磊", 1, "作弊", "ACTIVE"), candidate("李娜", 2, null, "ACTIVE")));
        assertThat(o.nominee()).isNull();
        assertThat(o.reason()).contains("王磊").contains("disqualified").contains("作弊");
    }

    @Test
    void aFirstWhoIsNoLongerAnActiveMemberMeansNobody() {
        MedalNomination.Outcome o = MedalNomination.decide(List.of(candidate("王磊", 1, null, "LEFT")));
        assertThat(o.nominee()).isNull();
        assertThat(o.reason()).contains("not an active union member").contains("LEFT");
    }

    @Test
    void aSharedFirstPlaceMeansNobodyAutomatically() {
        MedalNomination.Outcome o = MedalNomination.decide(List.of(candidate("王磊", 1, null, "ACTIVE"), candidate("李娜", 1, null, "ACTIVE")));
        assertThat(o.nominee()).isNull();
        assertThat(o.reason()).contains("share the first rank");
        assertThat(MedalNomination.decide(List.of()).nominee()).isNull();
    }
}
