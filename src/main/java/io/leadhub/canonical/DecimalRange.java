package io.leadhub.canonical;

import java.math.BigDecimal;

/**
 * The decimals a lead can carry, in a price or anywhere in its payload: at most 131,072 digits before the point
 * and 16,383 after it. That is the range of PostgreSQL's numeric, where leads are kept; a number beyond it is no
 * price, and a payload holding one could not be stored at all.
 */
public final class DecimalRange {

    public static final int MAX_INTEGER_DIGITS = 131_072;
    public static final int MAX_FRACTION_DIGITS = 16_383;

    private DecimalRange() {
    }

    public static boolean contains(BigDecimal value) {
        return value.scale() <= MAX_FRACTION_DIGITS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }
}
