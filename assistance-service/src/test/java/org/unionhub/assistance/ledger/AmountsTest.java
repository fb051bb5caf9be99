package org.unionhub.assistance.ledger;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.application.ApplicationApi.SubmitRequest;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts in requests (bean validation, as every request field) and in the ledger's arithmetic (Amounts). */
class AmountsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** The fields bean validation refuses in an application asking for {@code requested}. */
    private static Set<String> refused(BigDecimal requested) {
        return VALIDATOR.validate(new SubmitRequest(UUID.randomUUID(), "DAILY_RELIEF", requested, "生病", Map.of()))
                .stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void amountsAreHeldWithExactlyTwoDecimals() {
        assertThat(refused(new BigDecimal("30000"))).isEmpty();
        assertThat(refused(new BigDecimal("0.1"))).isEmpty();
        assertThat(Amounts.of(new BigDecimal("30000")).toPlainString()).isEqualTo("30000.00");
        assertThat(Amounts.of(new BigDecimal("0.1")).toPlainString()).isEqualTo("0.10");
        assertThat(Amounts.of(new BigDecimal("21.900")).toPlainString()).isEqualTo("21.90");
    }

    @Test
    void aThirdDecimalIsRefusedNamingTheFieldNeverRounded() {
        assertThat(refused(new BigDecimal("10.005"))).containsExactly("requestedAmount");
        assertThatThrownBy(() -> Amounts.exact("details.outOfPocketCost", new BigDecimal("10.005")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("details.outOfPocketCost"));
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        assertThat(refused(new BigDecimal("0.00"))).containsExactly("requestedAmount");
        assertThat(refused(new BigDecimal("-1"))).containsExactly("requestedAmount");
        assertThat(refused(null)).containsExactly("requestedAmount");
    }

    @Test
    void thousandsOfFenAddUpWithoutDrift() {
        BigDecimal sum = Amounts.ZERO;
        for (int i = 0; i < 10_000; i++) {
            sum = sum.add(Amounts.of(new BigDecimal("0.01")));
        }
        assertThat(sum.toPlainString()).isEqualTo("100.00");
    }
}
