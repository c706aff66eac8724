package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Debenture §5(c) terms of the Company's right to force conversion.
 *
 * @param multiple "by at least 200%": 2.00 (PERCENT_OF reading; EXCESS_OVER adds one)
 * @param windowTradingDays any period of this many consecutive Trading Days (30)
 * @param requiredTradingDays at least this many of them at or above the threshold (20)
 * @param observationMonths Trading Days counted strictly after this anniversary of the Issue Date (17)
 * @param minMonths 5(c)(i): at least this many months elapsed since the Issue Date (18)
 * @param maxHaltBusinessDays 5(c)(v): no trading suspension longer than this many consecutive Business Days (3)
 * @param noticeTradingDays 5(b), SPEC §16 (v2): a Mandatory Conversion Notice is valid with at least this
 *                          many NYSE sessions after it up to and including the Mandatory Conversion Date (20)
 */
public record MandatoryConversionTerms(BigDecimal multiple, int windowTradingDays, int requiredTradingDays,
                                       int observationMonths, int minMonths, int maxHaltBusinessDays,
                                       int noticeTradingDays) {

    /** SPEC §16 default of {@code mandatory-conversion.notice-trading-days}. */
    public static final int DEFAULT_NOTICE_TRADING_DAYS = 20;

    public MandatoryConversionTerms {
        Objects.requireNonNull(multiple, "multiple");
        if (noticeTradingDays < 1) {
            throw new IllegalArgumentException("notice-trading-days must be at least 1: " + noticeTradingDays);
        }
    }

    /** The version-1 terms, with SPEC §16's default notice period. */
    public MandatoryConversionTerms(BigDecimal multiple, int windowTradingDays, int requiredTradingDays,
                                    int observationMonths, int minMonths, int maxHaltBusinessDays) {
        this(multiple, windowTradingDays, requiredTradingDays, observationMonths, minMonths, maxHaltBusinessDays,
                DEFAULT_NOTICE_TRADING_DAYS);
    }
}
