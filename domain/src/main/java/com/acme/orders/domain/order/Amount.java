package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A money amount: more than 0, at most 1,000,000,000, with at most two decimal places, always held at scale 2 so
 * that {@code 10}, {@code 10.0} and {@code 10.00} are one value. Never rounded: a third decimal is refused.
 */
public record Amount(BigDecimal value) {

    public static final BigDecimal MAX = new BigDecimal("1000000000.00");
    public static final int SCALE = 2;
    /** Far more digits than any valid amount has; refusing early keeps hostile inputs cheap. */
    private static final int MAX_PRECISION = 40;

    public Amount {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        if (value.signum() <= 0) {
            throw InvalidValueException.because("must be greater than 0");
        }
        if (value.compareTo(MAX) > 0) {
            throw InvalidValueException.because("must be at most 1000000000");
        }
        if (value.precision() > MAX_PRECISION || value.stripTrailingZeros().scale() > SCALE) {
            throw InvalidValueException.because("must have at most 2 decimal places");
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Amount of(String decimal) {
        return new Amount(new BigDecimal(decimal));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
