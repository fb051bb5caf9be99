package org.unionhub.membership.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    final PersonalData pd = new PersonalData("test-key", "REVWRUxPUE1FTlQtT05MWS1tZW1iZXJzaGlwLWtleTA=");

    @Test
    void theKeyedHashIsStableAndDependsOnTheKey() {
        assertThat(pd.hash("11010519491231002X")).isEqualTo(pd.hash("11010519491231002X")).hasSize(64)
                .doesNotContain("11010519491231002X");
        PersonalData other = new PersonalData("another-key", "REVWRUxPUE1FTlQtT05MWS1tZW1iZXJzaGlwLWtleTA=");
        assertThat(other.hash("11010519491231002X")).isNotEqualTo(pd.hash("11010519491231002X"));
    }

    @Test
    void encryptionRoundTripsAndNeverRepeatsACiphertext() {
        String a = pd.encrypt("11010519491231002X");
        String b = pd.encrypt("11010519491231002X");
        assertThat(a).isNotEqualTo(b).doesNotContain("11010519491231002X");
        assertThat(pd.decrypt(a)).isEqualTo("11010519491231002X");
    }
}
