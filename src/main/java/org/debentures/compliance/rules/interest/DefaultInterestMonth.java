package org.debentures.compliance.rules.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Default interest of one calendar month (Debenture 2(b), SPEC §10): the sum of the month's daily
 * amounts, to cents, due by the 5th Business Day after the month's end; settled oldest month first
 * by {@code DEFAULT_INTEREST_PAID}.
 *
 * @param paidDate the date of the payment row that completed its settlement (as for {@link InterestDue#paidDate()}:
 *                 a payment held for the month shows its own date); null if not yet settled in full
 */
public record DefaultInterestMonth(String instrumentId, YearMonth month, BigDecimal accrued, BigDecimal amountDue,
                                   LocalDate dueBy, BigDecimal amountPaid, LocalDate paidDate) {
}
