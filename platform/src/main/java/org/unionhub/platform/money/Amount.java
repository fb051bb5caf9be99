package org.unionhub.platform.money;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one bean-validation rule for an amount of yuan a client sends: at least {@link #min()} (0.01 unless the field
 * may be zero), at most two decimals, at most {@link #integerDigits()} digits before the point (the column's
 * precision minus its two decimals, so that no amount reaches the database it cannot hold). Violations are 400s
 * naming the field, each with its own message. Pair it with {@link Money} where the amount is written back.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@DecimalMin(value = "0.01", message = "must be at least {value}")
@Digits(integer = 12, fraction = 2, message = "must be yuan with at most two decimals and {integer} digits before the point")
public @interface Amount {

    String message() default "must be an amount of yuan";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The least amount accepted; "0.00" where zero means something (a budget not yet given). */
    @OverridesAttribute(constraint = DecimalMin.class, name = "value")
    String min() default "0.01";

    /** Digits before the decimal point: 12 for NUMERIC(14, 2) columns, 10 for NUMERIC(12, 2). */
    @OverridesAttribute(constraint = Digits.class, name = "integer")
    int integerDigits() default 12;
}
