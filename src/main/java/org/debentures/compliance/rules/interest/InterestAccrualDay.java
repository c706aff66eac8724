package org.debentures.compliance.rules.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of the interest ledger (an {@code interest_accrual} row).
 *
 * @param principal unpaid principal that day, after any conversion or repayment dated that day
 * @param compoundedInterest the late parts of dues, still unpaid that day, that joined the base (SPEC §7 v2)
 * @param interestBase principal + compounded interest
 * @param regularInterest base x rate / 365, six decimals half-up; zero on a day that ends with no principal outstanding
 * @param lateInterest the late parts of dues (unsettled at the end of their adjusted due dates) still unpaid that day:
 *                     what bears default interest (SPEC §7 v2)
 * @param defaultInterest late interest x Default Interest Rate / 365, six decimals half-up
 * @param accruedUnpaidInterest regular interest accrued and not paid at the end of the day: unpaid dues plus
 *                              the current period's accruals (default interest excluded): what 6(b) adds to principal
 */
public record InterestAccrualDay(String instrumentId, LocalDate date, BigDecimal principal, BigDecimal compoundedInterest,
                                 BigDecimal interestBase, BigDecimal regularInterest, BigDecimal lateInterest,
                                 BigDecimal defaultInterest, BigDecimal accruedUnpaidInterest) {
}
