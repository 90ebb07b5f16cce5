package io.leadhub.canonical;

import java.math.BigDecimal;

/**
 * The decimals a lead can carry, in a price or anywhere in its payload: those that take at most
 * {@value #MAX_WRITTEN_LENGTH} characters written out in full, sign and point included.
 *
 * <p>Not the range of PostgreSQL's numeric, which is far larger: PostgreSQL writes a stored number out in full
 * ({@code 1e1000} comes back as a 1 and a thousand zeros), and whatever reads the lead back as JSON refuses a
 * number over 1,000 characters (Jackson's default limit, there against numbers that are costly to parse). A
 * payload accepted under numeric's range made its lead unreadable for good.
 */
public final class DecimalRange {

    public static final int MAX_WRITTEN_LENGTH = 1_000;

    private DecimalRange() {
    }

    public static boolean contains(BigDecimal value) {
        return writtenLength(value) <= MAX_WRITTEN_LENGTH;
    }

    /** The length of {@code value.toPlainString()}, without writing out a number that may be huge. */
    static long writtenLength(BigDecimal value) {
        long sign = value.signum() < 0 ? 1 : 0;
        long precision = value.precision();
        long scale = value.scale();
        return scale <= 0 ? sign + precision - scale : sign + Math.max(precision - scale, 1) + 1 + scale;
    }
}
