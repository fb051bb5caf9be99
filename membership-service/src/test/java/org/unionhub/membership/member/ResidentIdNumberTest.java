package org.unionhub.membership.member;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.unionhub.membership.TestData;
import org.unionhub.platform.problem.ProblemException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void theStandardsExampleIsValidWithBirthDateAndGender() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(ResidentIdNumber.Gender.FEMALE); // 17th digit 2: even
        assertThat(id.masked()).isEqualTo("110***********002X");
        assertThat(id.toString()).doesNotContain("19491231");
    }

    @Test
    void aLowerCaseXIsAccepted() {
        assertThat(ResidentIdNumber.parse("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @RepeatedTest(20)
    void numbersWithTheComputedCheckDigitAreValid() {
        assertThat(ResidentIdNumber.problem(TestData.idNumber(), TODAY)).isNull();
    }

    @Test
    void anOddSequenceDigitIsAMan() {
        assertThat(ResidentIdNumber.parse(TestData.withIdCheckDigit("11010519800101001"), TODAY).gender())
                .isEqualTo(ResidentIdNumber.Gender.MALE);
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertThat(ResidentIdNumber.problem("110105194912310021", TODAY)).contains("check digit");
    }

    @Test
    void impossibleOrFutureBirthDatesAreRefused() {
        assertThat(ResidentIdNumber.problem(TestData.withIdCheckDigit("11010519490230002"), TODAY)).contains("birth date");
        assertThat(ResidentIdNumber.problem(TestData.withIdCheckDigit("11010520300101002"), TODAY)).contains("birth date");
        assertThat(ResidentIdNumber.problem(TestData.withIdCheckDigit("11010518890101002"), TODAY)).contains("birth date");
    }

    @Test
    void wrongShapesAreRefusedWithoutEchoingTheNumber() {
        assertThat(ResidentIdNumber.problem("1101051949123100", TODAY)).contains("18");
        assertThat(ResidentIdNumber.problem("1101051949123100AX", TODAY)).contains("digits");
        assertThat(ResidentIdNumber.problem("11010519491231002Y", TODAY)).contains("X");
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", TODAY))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.errors().get(0).field()).isEqualTo("idNumber");
                    assertThat(p.getMessage()).doesNotContain("110105194912310021");
                });
    }

    @Test
    void phonesAreMainlandMobilesAndMasked() {
        assertThat(MobilePhone.parse("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(MobilePhone.mask("13812345678")).isEqualTo("138****5678");
        assertThat(MobilePhone.isValid("23812345678")).isFalse();
        assertThat(MobilePhone.isValid("1381234567")).isFalse();
        assertThat(MobilePhone.isValid("12812345678")).isFalse();
    }
}
