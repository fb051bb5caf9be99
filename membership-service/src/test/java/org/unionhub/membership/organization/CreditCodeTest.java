package org.unionhub.membership.organization;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;
import org.unionhub.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

    @RepeatedTest(20)
    void codesWithTheRightCheckCharacterAreValid() {
        assertThat(CreditCode.isValid(TestData.creditCode())).isTrue();
    }

    @Test
    void aPublishedCodeIsValid() {
        // 统一社会信用代码 published in the GB 32100 standard's example
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void aChangedCharacterBreaksTheCheck() {
        String code = TestData.creditCode();
        char other = code.charAt(5) == '1' ? '2' : '1';
        assertThat(CreditCode.isValid(code.substring(0, 5) + other + code.substring(6))).isFalse();
    }

    @Test
    void lettersOutsideTheAlphabetAndWrongLengthsAreRefused() {
        assertThat(CreditCode.isValid("91350100M000100I43")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void parseNormalisesCaseAndNamesTheFieldWhenInvalid() {
        assertThat(CreditCode.parse(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> CreditCode.parse("91350100M000100Y44"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors().get(0).field()).isEqualTo("creditCode");
                });
        assertThat(CreditCode.parse(null)).isNull();
    }
}
