package org.unionhub.platform.money;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code BigDecimal} as an amount of money in yuan. In every event and every API response it is written as a
 * JSON string with exactly two decimals ({@code "291.00"}, pattern {@code ^-?[0-9]+\.[0-9]{2}$}): a string survives
 * every JSON parser unchanged, where a number may pass through a double and lose a fen. Requests still accept a JSON
 * number as well as the string (Jackson reads both into a BigDecimal), for clients written before the rule.
 * Put it on a record component or field; other decimals (scores, rates, areas) stay JSON numbers.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = MoneySerializer.class)
public @interface Money {

    /** The pattern a money string matches, for schemas and tests. */
    String PATTERN = "^-?[0-9]+\\.[0-9]{2}$";
}
