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
 */
public record MandatoryConversionTerms(BigDecimal multiple, int windowTradingDays, int requiredTradingDays,
                                       int observationMonths, int minMonths, int maxHaltBusinessDays) {
    public MandatoryConversionTerms {
        Objects.requireNonNull(multiple, "multiple");
    }
}
