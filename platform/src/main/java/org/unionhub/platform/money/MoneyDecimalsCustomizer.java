package org.unionhub.platform.money;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;

/**
 * For a service whose every decimal is an amount of money (assistance: caps, amounts, incomes, premiums), writes every
 * {@code BigDecimal} as {@link Money} does, problem details included, so that no amount is forgotten. Switched on with
 * {@code unionhub.json.decimals-are-money=true}; other services annotate their money fields with {@link Money}.
 */
@Singleton
public class MoneyDecimalsCustomizer implements ObjectMapperCustomizer {

    private final boolean decimalsAreMoney;

    public MoneyDecimalsCustomizer(@ConfigProperty(name = "unionhub.json.decimals-are-money", defaultValue = "false") boolean decimalsAreMoney) {
        this.decimalsAreMoney = decimalsAreMoney;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        if (decimalsAreMoney) {
            mapper.registerModule(new SimpleModule("unionhub-money-decimals").addSerializer(BigDecimal.class, new MoneySerializer()));
        }
    }
}
