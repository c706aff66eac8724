package org.debentures.compliance.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Every scale and rounding mode of SPEC §10 in one place. No other class calls {@code setScale}.
 * <ul>
 *   <li>prices (Market Price, thresholds) and daily accruals: six decimals, half-up;</li>
 *   <li>amounts due and reported totals: cents, half-up;</li>
 *   <li>Conversion Prices as reported: twelve decimals, half-up;</li>
 *   <li>intermediate quotients (split-adjusted bids, rate / 365): {@link MathContext#DECIMAL128},
 *       34 significant digits, far below the six-decimal results.</li>
 * </ul>
 */
public final class Rounding {

    /** Precision of every intermediate division. */
    public static final MathContext INTERMEDIATE = MathContext.DECIMAL128;

    /** Decimals kept for prices, thresholds and daily accruals (SPEC §10). */
    public static final int SIX_DECIMALS = 6;

    /** Decimals kept for amounts due and reported totals (SPEC §10). */
    public static final int CENTS = 2;

    private Rounding() {
    }

    /** A price (Market Price, threshold) to six decimals, half-up. */
    public static BigDecimal price(BigDecimal value) {
        return value.setScale(SIX_DECIMALS, RoundingMode.HALF_UP);
    }

    /** A daily accrual to six decimals, half-up. */
    public static BigDecimal dailyAccrual(BigDecimal value) {
        return value.setScale(SIX_DECIMALS, RoundingMode.HALF_UP);
    }

    /** An amount due or a reported total to cents, half-up. */
    public static BigDecimal cents(BigDecimal value) {
        return value.setScale(CENTS, RoundingMode.HALF_UP);
    }

    /** {@code dividend / divisor} at {@link #INTERMEDIATE} precision. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, INTERMEDIATE);
    }

    /** Decimals a reported Conversion Price keeps (an adjusted price such as 3.769 / 1.05 does not terminate). */
    public static final int CONVERSION_PRICE_DECIMALS = 12;

    /** A Conversion Price as stored and reported: twelve decimals, half-up (computations use the unrounded price). */
    public static BigDecimal reportedConversionPrice(BigDecimal value) {
        return value.setScale(CONVERSION_PRICE_DECIMALS, RoundingMode.HALF_UP);
    }

    /** A number as a reader checks it: plain digits, no exponent, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Debenture 3(d): a fractional Conversion Share is disregarded and the next higher whole number delivered. */
    public static BigDecimal wholeSharesUp(BigDecimal shares) {
        return shares.setScale(0, RoundingMode.CEILING);
    }

    /**
     * The mean of {@code sum} over {@code count} values, rounded as a price: the quotient at
     * {@link #INTERMEDIATE} precision, then six decimals half-up. When {@code count} has no prime
     * factor but 2 and 5 (the 5-day Market Price) the quotient terminates within a few more decimals
     * than {@code sum} has, so it is worked out exactly at that scale: the same number, without a
     * 34-digit division for each of the hundreds of thousands of Market Prices a history needs.
     */
    public static BigDecimal averagePrice(BigDecimal sum, int count) {
        int extraDecimals = terminatingDecimals(count);
        if (extraDecimals >= 0 && sum.precision() + extraDecimals <= INTERMEDIATE.getPrecision()) {
            return price(sum.divide(BigDecimal.valueOf(count), sum.scale() + extraDecimals, RoundingMode.UNNECESSARY));
        }
        return price(sum.divide(BigDecimal.valueOf(count), INTERMEDIATE));
    }

    /** For {@code n = 2^a 5^b}: max(a, b), the decimals {@code 1/n} takes; -1 for any other n. */
    static int terminatingDecimals(int n) {
        if (n <= 0) {
            return -1;
        }
        int twos = 0;
        int fives = 0;
        while (n % 2 == 0) {
            n /= 2;
            twos++;
        }
        while (n % 5 == 0) {
            n /= 5;
            fives++;
        }
        return n == 1 ? Math.max(twos, fives) : -1;
    }
}
