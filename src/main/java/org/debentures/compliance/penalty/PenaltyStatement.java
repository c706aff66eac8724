package org.debentures.compliance.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.debentures.compliance.money.Rounding;

/**
 * What one Holder is owed for one kind of penalty, month by month, as of a date: accrued, paid and
 * outstanding. A month's amount due is the sum of its daily accruals rounded to cents (SPEC §6:
 * totals are rounded only when reported). Payments ({@code PENALTY_PAID}) settle the oldest unpaid
 * month first; a payment beyond everything accrued so far is held and settles later accruals; what
 * is still unapplied shows as a credit (negative outstanding) in the month of the last payment.
 */
public final class PenaltyStatement {

    /** One month of one instrument's penalties. */
    public record Month(String instrumentId, String holder, PenaltyKind kind, YearMonth month, BigDecimal accrued,
                        BigDecimal due, BigDecimal paid, BigDecimal outstanding) {
    }

    /** A payment made. */
    public record Payment(LocalDate date, BigDecimal amount) {
    }

    private PenaltyStatement() {
    }

    /** @param accruals one instrument's accruals of one kind */
    public static List<Month> of(String instrumentId, String holder, PenaltyKind kind, List<PenaltyAccrual> accruals,
                                 List<Payment> payments) {
        TreeMap<YearMonth, BigDecimal> accrued = new TreeMap<>();
        for (PenaltyAccrual accrual : accruals) {
            accrued.merge(YearMonth.from(accrual.date()), accrual.amount(), BigDecimal::add);
        }
        TreeMap<YearMonth, BigDecimal> paid = new TreeMap<>();
        accrued.keySet().forEach(m -> paid.put(m, BigDecimal.ZERO));
        BigDecimal unapplied = BigDecimal.ZERO;
        YearMonth lastPaymentMonth = null;
        for (Payment payment : payments.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList()) {
            unapplied = unapplied.add(payment.amount());
            lastPaymentMonth = YearMonth.from(payment.date());
        }
        for (Map.Entry<YearMonth, BigDecimal> month : accrued.entrySet()) {
            BigDecimal due = Rounding.cents(month.getValue());
            BigDecimal applied = unapplied.min(due);
            paid.put(month.getKey(), applied);
            unapplied = unapplied.subtract(applied);
        }
        List<Month> months = new ArrayList<>();
        for (Map.Entry<YearMonth, BigDecimal> month : accrued.entrySet()) {
            BigDecimal due = Rounding.cents(month.getValue());
            BigDecimal monthPaid = paid.get(month.getKey());
            if (unapplied.signum() > 0 && month.getKey().equals(lastPaymentMonth)) {
                monthPaid = monthPaid.add(unapplied);
                unapplied = BigDecimal.ZERO;
            }
            months.add(new Month(instrumentId, holder, kind, month.getKey(), month.getValue(), due, monthPaid,
                    due.subtract(monthPaid)));
        }
        if (unapplied.signum() > 0 && lastPaymentMonth != null) {
            months.add(new Month(instrumentId, holder, kind, lastPaymentMonth, BigDecimal.ZERO, Rounding.cents(BigDecimal.ZERO),
                    unapplied, unapplied.negate()));
            months.sort((a, b) -> a.month().compareTo(b.month()));
        }
        return months;
    }
}
