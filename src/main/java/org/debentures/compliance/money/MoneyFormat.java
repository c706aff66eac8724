package org.debentures.compliance.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures read in explanations: {@code $2,000,000.00}, {@code 1.5%}. Text only; never used to compute. */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    /** Dollars with thousands separators and cents: {@code $2,000,000.00}. */
    public static String dollars(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return "$" + format.format(amount);
    }

    /** A rate as a percentage without trailing zeros: 0.015 is {@code 1.5%}, 0.24 is {@code 24%}. */
    public static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A share count with thousands separators: {@code 22,000,000}. */
    public static String count(long shares) {
        return String.format(Locale.US, "%,d", shares);
    }
}
