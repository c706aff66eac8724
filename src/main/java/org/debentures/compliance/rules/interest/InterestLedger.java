package org.debentures.compliance.rules.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.money.OldestFirstSettlement;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Debenture §2 interest of one instrument, as SPEC §7 and §10 (version 2) state it, rebuilt from
 * the Issue Date to the as-of date:
 * <ul>
 *   <li>each day from the Issue Date (included) regular interest accrues on the interest base at
 *       rate / 365 (also in leap years), six decimals half-up; the base is the unpaid principal
 *       that day (after any conversion or repayment dated that day) plus the late parts of dues
 *       capitalised under compounding; <b>v2</b>: no regular interest accrues on a day that ends
 *       with no principal outstanding, even when compounded interest is unpaid (the row is kept:
 *       regular interest 0, the base the compounded late parts);</li>
 *   <li>Interest Payment Dates: each 1 January and 1 July after the Issue Date, the Maturity Date
 *       and the day principal is paid or converted in full; the interest of day D belongs to
 *       [previous Interest Payment Date, next one) and falls due, to cents half-up, on the next one
 *       (the first due, 2002-07-01, covers 95 days);</li>
 *   <li>{@code INTEREST_PAID} settles the oldest due first; a payment before anything is due is held
 *       for the next due; {@code paid_date} is the date of the payment row that completed the
 *       settlement (v2: a held prepayment shows its own date);</li>
 *   <li><b>v2 "not paid on time" is an amount</b>: the late part of a due is what is unsettled at
 *       the end of its adjusted due date (deadline convention applied). A due whose adjusted due date
 *       is the run's last day and is unsettled at its end is late; one whose adjusted due date is
 *       after the run's last day is not late in that run. Only the late part still unpaid on a day
 *       (after that day's payments) joins the base from the Scheduled Interest Payment Date (switch
 *       {@code compound-unpaid-interest}; a late due of a Maturity Date or full-payment day compounds
 *       from the next Scheduled date, the only dates 2(a) compounds on), and bears default interest
 *       at the Default Interest Rate, actual/365, simple, from its due date (included) until the day
 *       each part of it is paid (excluded). The part settled by the adjusted due date never
 *       compounds and never bears default interest, also on the days between the scheduled and the
 *       adjusted date;</li>
 *   <li>default interest of a calendar month is the sum of its daily amounts to cents, due by the
 *       5th Business Day after the month's end, settled oldest month first by
 *       {@code DEFAULT_INTEREST_PAID};</li>
 *   <li>a row a day while principal, interest accrued but not yet due, or unpaid interest is outstanding.</li>
 * </ul>
 */
public final class InterestLedger {

    /**
     * The ledger as of the as-of date.
     *
     * @param nextDue the next Interest Payment Date after the as-of date with the amount projected to fall due
     *                on it (interest accrued so far in the period plus the as-of date's daily interest for each
     *                remaining day: no later payment, conversion or default assumed); null when nothing accrues
     */
    public record Result(List<InterestAccrualDay> days, List<InterestDue> dues, List<DefaultInterestMonth> months,
                         ProjectedDue nextDue) {
        public Result(List<InterestAccrualDay> days, List<InterestDue> dues, List<DefaultInterestMonth> months) {
            this(days, dues, months, null);
        }
    }

    /** An Interest Payment Date still to come and the interest projected to fall due on it. */
    public record ProjectedDue(LocalDate dueDate, BigDecimal projectedAmount) {
    }

    private final BusinessDays businessDays;

    public InterestLedger(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    private static final class OpenDue {
        final LocalDate dueDate;
        final LocalDate adjusted;
        final LocalDate periodStart;
        final BigDecimal amount;
        final BigDecimal owedBefore;
        final boolean scheduled;
        LocalDate compoundsFrom;
        LocalDate paidDate;
        /** What is unsettled at the end of the adjusted due date (zero when that date is after the as-of date). */
        BigDecimal latePart = BigDecimal.ZERO;

        OpenDue(LocalDate dueDate, LocalDate adjusted, LocalDate periodStart, BigDecimal amount, BigDecimal owedBefore,
                boolean scheduled) {
            this.dueDate = dueDate;
            this.adjusted = adjusted;
            this.periodStart = periodStart;
            this.amount = amount;
            this.owedBefore = owedBefore;
            this.scheduled = scheduled;
        }
    }

    public Result run(DealTerms deal, Instrument instrument, PrincipalOutstanding principal,
                      List<OldestFirstSettlement.Payment> interestPayments,
                      List<OldestFirstSettlement.Payment> defaultInterestPayments, LocalDate asOf) {
        OldestFirstSettlement payments = new OldestFirstSettlement(interestPayments);
        BigDecimal basis = BigDecimal.valueOf(deal.interest().dayCountBasis());
        Optional<LocalDate> paidInFull = principal.paidInFullOn().filter(d -> !d.isAfter(asOf));
        boolean compound = deal.switches().compoundUnpaidInterest();

        List<OpenDue> dues = new ArrayList<>();
        List<InterestAccrualDay> days = new ArrayList<>();
        TreeMap<YearMonth, BigDecimal> defaultByMonth = new TreeMap<>();
        BigDecimal owed = BigDecimal.ZERO;
        BigDecimal accrued = BigDecimal.ZERO;
        LocalDate periodStart = instrument.issueDate();
        LocalDate nextPaymentDate = nextInterestPaymentDate(deal, instrument, periodStart, paidInFull);
        DailyAmount regularOf = new DailyAmount(instrument.interestRate(), basis);
        DailyAmount defaultOf = new DailyAmount(instrument.defaultInterestRate(), basis);
        for (LocalDate day = instrument.issueDate(); !day.isAfter(asOf); day = day.plusDays(1)) {
            if (day.equals(nextPaymentDate)) {
                if (accrued.signum() > 0) {
                    BigDecimal amount = Rounding.cents(accrued);
                    OpenDue due = new OpenDue(day, businessDays.adjustDeadline(day, deal.switches().deadlineConvention()),
                            periodStart, amount, owed, isScheduled(deal, day));
                    due.paidDate = payments.settledOn(owed, amount, asOf);
                    if (!due.adjusted.isAfter(asOf)) { // SPEC §7 v2: late is judged at the end of the adjusted due date
                        due.latePart = amount.subtract(payments.settledThrough(owed, amount, due.adjusted));
                    }
                    due.compoundsFrom = due.scheduled ? day : nextScheduledDate(deal, day);
                    dues.add(due);
                    owed = owed.add(amount);
                }
                accrued = BigDecimal.ZERO;
                periodStart = day;
                nextPaymentDate = nextInterestPaymentDate(deal, instrument, periodStart, paidInFull);
            }
            BigDecimal principalToday = principal.on(day);
            BigDecimal compounded = BigDecimal.ZERO;
            BigDecimal late = BigDecimal.ZERO;
            BigDecimal unpaid = BigDecimal.ZERO;
            for (OpenDue due : dues) {
                if (due.paidDate != null && !day.isBefore(due.paidDate)) {
                    continue; // settled in full: nothing of it remains from its payment day on
                }
                BigDecimal remaining = due.amount.subtract(payments.settledThrough(due.owedBefore, due.amount, day));
                unpaid = unpaid.add(remaining);
                // payments settle the oldest due first and, within a due, its on-time part first: the
                // late part still unpaid today is what remains, at most the late part
                BigDecimal lateToday = remaining.min(due.latePart);
                if (lateToday.signum() > 0) {
                    late = late.add(lateToday);
                    if (compound && !day.isBefore(due.compoundsFrom)) {
                        compounded = compounded.add(lateToday);
                    }
                }
            }
            if (principalToday.signum() <= 0 && unpaid.signum() <= 0 && accrued.signum() <= 0) {
                continue;
            }
            BigDecimal base = principalToday.add(compounded);
            // SPEC §7 v2: a day that ends with no principal outstanding accrues no regular interest
            BigDecimal regular = principalToday.signum() > 0 ? regularOf.on(base) : Rounding.dailyAccrual(BigDecimal.ZERO);
            BigDecimal defaultInterest = defaultOf.on(late);
            accrued = accrued.add(regular);
            if (defaultInterest.signum() > 0) {
                defaultByMonth.merge(YearMonth.from(day), defaultInterest, BigDecimal::add);
            }
            days.add(new InterestAccrualDay(instrument.id(), day, principalToday, compounded, base, regular, late,
                    defaultInterest, unpaid.add(accrued)));
        }
        List<InterestDue> result = new ArrayList<>();
        for (OpenDue due : dues) {
            result.add(new InterestDue(instrument.id(), due.dueDate, due.adjusted, due.periodStart, due.amount,
                    payments.settledThrough(due.owedBefore, due.amount, asOf), due.paidDate, due.scheduled));
        }
        ProjectedDue next = null;
        InterestAccrualDay last = days.isEmpty() ? null : days.get(days.size() - 1);
        if (last != null && last.date().equals(asOf) && (last.principal().signum() > 0 || accrued.signum() > 0)) {
            long remaining = nextPaymentDate.toEpochDay() - asOf.toEpochDay() - 1;
            next = new ProjectedDue(nextPaymentDate,
                    Rounding.cents(accrued.add(last.regularInterest().multiply(BigDecimal.valueOf(remaining)))));
        }
        return new Result(days, result, months(deal, instrument, defaultByMonth, defaultInterestPayments, asOf), next);
    }

    /**
     * A day's interest at a rate, actual/basis, six decimals half-up. The amount on which it accrues
     * stays the same for months at a time, so the last one worked out is kept.
     */
    private static final class DailyAmount {
        private final BigDecimal rate;
        private final BigDecimal basis;
        private BigDecimal lastAmount;
        private BigDecimal lastInterest;

        DailyAmount(BigDecimal rate, BigDecimal basis) {
            this.rate = rate;
            this.basis = basis;
        }

        BigDecimal on(BigDecimal amount) {
            if (!amount.equals(lastAmount)) { // equals: same value and scale, so the same result
                lastInterest = Rounding.dailyAccrual(Rounding.divide(amount.multiply(rate), basis));
                lastAmount = amount;
            }
            return lastInterest;
        }
    }

    private List<DefaultInterestMonth> months(DealTerms deal, Instrument instrument, TreeMap<YearMonth, BigDecimal> byMonth,
                                              List<OldestFirstSettlement.Payment> paid, LocalDate asOf) {
        OldestFirstSettlement payments = new OldestFirstSettlement(paid);
        List<DefaultInterestMonth> months = new ArrayList<>();
        BigDecimal owed = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, BigDecimal> month : byMonth.entrySet()) {
            BigDecimal due = Rounding.cents(month.getValue());
            LocalDate monthEnd = month.getKey().atEndOfMonth();
            LocalDate dueBy = businessDays.businessDaysAfter(monthEnd, deal.defaultInterestPaymentBusinessDays());
            months.add(new DefaultInterestMonth(instrument.id(), month.getKey(), month.getValue(), due, dueBy,
                    payments.settledThrough(owed, due, asOf), payments.settledOn(owed, due, asOf)));
            owed = owed.add(due);
        }
        return months;
    }

    private static boolean isScheduled(DealTerms deal, LocalDate date) {
        return deal.interest().scheduledPaymentDates().contains(MonthDay.from(date));
    }

    /** The first Scheduled Interest Payment Date (1 January, 1 July) strictly after {@code date}. */
    static LocalDate nextScheduledDate(DealTerms deal, LocalDate date) {
        LocalDate next = null;
        for (int year = date.getYear(); year <= date.getYear() + 1; year++) {
            for (MonthDay monthDay : deal.interest().scheduledPaymentDates()) {
                LocalDate candidate = monthDay.atYear(year);
                if (candidate.isAfter(date) && (next == null || candidate.isBefore(next))) {
                    next = candidate;
                }
            }
        }
        return next;
    }

    /** The next Interest Payment Date after {@code periodStart}: scheduled, Maturity Date or full payment, the earliest. */
    static LocalDate nextInterestPaymentDate(DealTerms deal, Instrument instrument, LocalDate periodStart,
                                             Optional<LocalDate> paidInFull) {
        LocalDate next = nextScheduledDate(deal, periodStart);
        if (instrument.maturityDate().isAfter(periodStart) && instrument.maturityDate().isBefore(next)) {
            next = instrument.maturityDate();
        }
        if (paidInFull.isPresent() && paidInFull.get().isAfter(periodStart) && paidInFull.get().isBefore(next)) {
            next = paidInFull.get();
        }
        return next;
    }
}
