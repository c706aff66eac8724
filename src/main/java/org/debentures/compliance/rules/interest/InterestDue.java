package org.debentures.compliance.rules.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Interest falling due on one Interest Payment Date (Debenture 2(a); an {@code interest_due} row),
 * with how it stands on the as-of date.
 *
 * @param dueDate the Interest Payment Date (scheduled, Maturity Date or full-payment day)
 * @param adjustedDueDate the last day a payment is on time (deadline convention applied)
 * @param periodStart first day whose interest belongs to this due ([periodStart, dueDate))
 * @param amountDue the sum of the period's daily accruals, to cents half-up
 * @param amountPaid settled by payments dated on or before the as-of date (oldest due first)
 * @param paidDate the date of the payment row that completed its settlement (SPEC §7 v2: a payment made before the
 *                 due and held for it shows its own date); null if not yet settled in full
 * @param scheduled true for a Scheduled Interest Payment Date (1 January, 1 July): the dates unpaid interest compounds from
 */
public record InterestDue(String instrumentId, LocalDate dueDate, LocalDate adjustedDueDate, LocalDate periodStart,
                          BigDecimal amountDue, BigDecimal amountPaid, LocalDate paidDate, boolean scheduled) {

    public InterestDue {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amountDue, "amountDue");
    }

    /** Settled in full on or before its adjusted due date. */
    public boolean paidOnTime() {
        return paidDate != null && !paidDate.isAfter(adjustedDueDate);
    }

    /** Days in the period: e.g. 95 for 2002-03-28 .. 2002-06-30. */
    public long days() {
        return dueDate.toEpochDay() - periodStart.toEpochDay();
    }

    /** PAID_ON_TIME, PAID_LATE, PARTLY_PAID, UNPAID (late or not yet late) as of the as-of date. */
    public String status(LocalDate asOf) {
        if (paidDate != null) {
            return paidOnTime() ? "PAID_ON_TIME" : "PAID_LATE";
        }
        if (!asOf.isAfter(adjustedDueDate)) {
            return "NOT_YET_LATE";
        }
        return amountPaid.signum() > 0 ? "PARTLY_PAID" : "UNPAID";
    }
}
