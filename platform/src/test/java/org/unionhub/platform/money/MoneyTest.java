package org.unionhub.platform.money;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    record Payout(@Money BigDecimal amount, @Money BigDecimal refunded, BigDecimal score) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void moneyIsWrittenAsAStringWithTwoDecimalsAndOtherDecimalsStayNumbers() throws Exception {
        String json = mapper.writeValueAsString(new Payout(new BigDecimal("291"), new BigDecimal("-1.5E+3"), new BigDecimal("95.5")));
        assertThat(json).isEqualTo("{\"amount\":\"291.00\",\"refunded\":\"-1500.00\",\"score\":95.5}");
        assertThat(json).containsPattern("\"amount\":\"" + Money.PATTERN.substring(1, Money.PATTERN.length() - 1) + "\"");
    }

    @Test
    void aNullAmountStaysNull() throws Exception {
        assertThat(mapper.writeValueAsString(new Payout(null, null, null))).isEqualTo("{\"amount\":null,\"refunded\":null,\"score\":null}");
    }

    @Test
    void requestsMayStillSendANumberOrAString() throws Exception {
        assertThat(mapper.readValue("{\"amount\":291.5}", Payout.class).amount()).isEqualByComparingTo("291.50");
        assertThat(mapper.readValue("{\"amount\":\"3000.00\"}", Payout.class).amount()).isEqualByComparingTo("3000.00");
    }

    @Test
    void aServiceWhoseDecimalsAreAllMoneyWritesEveryBigDecimalAsMoney() throws Exception {
        ObjectMapper all = new ObjectMapper();
        new MoneyDecimalsCustomizer(true).customize(all);
        assertThat(all.writeValueAsString(java.util.Map.of("cap", new BigDecimal("30000")))).isEqualTo("{\"cap\":\"30000.00\"}");
        ObjectMapper none = new ObjectMapper();
        new MoneyDecimalsCustomizer(false).customize(none);
        assertThat(none.writeValueAsString(java.util.Map.of("cap", new BigDecimal("30000")))).isEqualTo("{\"cap\":30000}");
    }
}
