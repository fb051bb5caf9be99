package org.unionhub.platform.money;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AmountTest {

    record Redemption(@Amount(integerDigits = 10) BigDecimal amount) {
    }

    record Budget(@Amount(min = "0.00") BigDecimal amount) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anAmountOfYuanHasAtMostTwoDecimalsAndIsAtLeastAFen() {
        assertThat(messages(new Redemption(new BigDecimal("291.00")))).isEmpty();
        assertThat(messages(new Redemption(new BigDecimal("0.01")))).isEmpty();
        assertThat(messages(new Redemption(new BigDecimal("0.00")))).containsExactly("must be at least 0.01");
        assertThat(messages(new Redemption(new BigDecimal("-5")))).containsExactly("must be at least 0.01");
        assertThat(messages(new Redemption(new BigDecimal("1.001"))))
                .containsExactly("must be yuan with at most two decimals and 10 digits before the point");
        assertThat(messages(new Redemption(new BigDecimal("12345678901.00"))))
                .containsExactly("must be yuan with at most two decimals and 10 digits before the point");
        assertThat(messages(new Redemption(null))).isEmpty();
    }

    @Test
    void aBudgetMayBeZeroButNotNegative() {
        assertThat(messages(new Budget(new BigDecimal("0.00")))).isEmpty();
        assertThat(messages(new Budget(new BigDecimal("123456789012.00")))).isEmpty();
        assertThat(messages(new Budget(new BigDecimal("-0.01")))).containsExactly("must be at least 0.00");
    }

    private Set<String> messages(Object bean) {
        return validator.validate(bean).stream().map(ConstraintViolation::getMessage).collect(java.util.stream.Collectors.toSet());
    }
}
