package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Debenture §6 terms.
 *
 * @param effectivenessDeadlineDays 6(d)(iii): the Registration Statement effective by this day after the Issue Date
 * @param interestGraceBusinessDays 6(d)(v): a payment breach continuing this many Business Days
 * @param redemptionPremium 6(b): Mandatory Redemption Price premium (1.20 = 120%)
 */
public record EventOfDefaultTerms(int effectivenessDeadlineDays, int interestGraceBusinessDays, BigDecimal redemptionPremium) {
    public EventOfDefaultTerms {
        Objects.requireNonNull(redemptionPremium, "redemptionPremium");
    }
}
