package org.debentures.compliance.rules.interest;

import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.BRAMWELL;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.DEAL;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.d;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.day;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.due;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.paid;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.OldestFirstSettlement.Payment;
import org.debentures.compliance.terms.DeadlineConvention;
import org.junit.jupiter.api.Test;

/**
 * Debenture 2(a), 2(b) as SPEC §7 version 2 reads them: "not paid on time" is an amount. Only the part of a
 * due unsettled at the end of its adjusted due date is late; only that part compounds (from the Scheduled
 * Interest Payment Date) and bears default interest (from the scheduled date to each part's payment). Bramwell,
 * $2,500,000 at 5%: daily 2,500,000 x 5% / 365 = 342.465753.
 */
class Debenture2aLatePartTest {

    static final LocalDate THU_2004_01_01 = d("2004-01-01"); // New Year's Day: adjusted due date Friday 2004-01-02
    static final LocalDate TUE_2003_07_01 = d("2003-07-01");

    /** Every due up to 2003-07-01 paid on its date (2003-01-01 on the adjusted date 2003-01-02). */
    static List<Payment> onTimeTo2003() {
        // 95 x 342.465753 = 32,534.25; 184 x 342.465753 = 63,013.70; 181 x 342.465753 = 61,986.30
        return List.of(paid("2002-07-01", "32534.25"), paid("2003-01-02", "63013.70"), paid("2003-07-01", "61986.30"));
    }

    static List<Payment> plus(List<Payment> payments, Payment... more) {
        List<Payment> all = new java.util.ArrayList<>(payments);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void spec7v2ExampleOnlyTheLatePartCompoundsAndBearsDefaultInterest() {
        // the 2004-01-01 due: 2003-07-01 .. 2003-12-31 = 184 days x 342.465753 = 63,013.698552 -> 63,013.70;
        // 40,000.00 paid on the adjusted due date 2004-01-02 and 23,013.70 on 2004-01-20: late part 23,013.70
        InterestLedger.Result result = run(DEAL, List.of(), plus(onTimeTo2003(), paid("2004-01-02", "40000.00"),
                paid("2004-01-20", "23013.70"), paid("2004-07-01", "62388.67")), List.of(), "2004-07-31");
        InterestDue january = due(result, "2004-01-01");
        assertEquals(new BigDecimal("63013.70"), january.amountDue());
        assertEquals(d("2004-01-20"), january.paidDate());
        // 2004-01-01 .. 2004-01-19 (19 days): base 2,500,000 + 23,013.70 = 2,523,013.70 (not 2,563,013.70),
        // daily 2,523,013.70 x 5% / 365 = 345.618315
        for (LocalDate day = THU_2004_01_01; day.isBefore(d("2004-01-20")); day = day.plusDays(1)) {
            assertEquals(new BigDecimal("2523013.70"), day(result, day.toString()).interestBase(), day.toString());
            assertEquals(new BigDecimal("345.618315"), day(result, day.toString()).regularInterest(), day.toString());
        }
        assertEquals(new BigDecimal("342.465753"), day(result, "2004-01-20").regularInterest());
        // 2004-07-01 due: 19 x 345.618315 + 163 x 342.465753 = 6,566.747985 + 55,821.917739 = 62,388.665724 -> 62,388.67
        assertEquals(new BigDecimal("62388.67"), due(result, "2004-07-01").amountDue());
        // a payment of exactly that settles it on time: nothing late, no default interest after January
        assertTrue(due(result, "2004-07-01").paidOnTime());
        // default interest: 23,013.70 x 24% / 365 = 15.132296 a day for 19 days = 287.513624 -> 287.51 for January 2004
        assertEquals(new BigDecimal("15.132296"), day(result, "2004-01-01").defaultInterest());
        DefaultInterestMonth month = result.months().stream().filter(m -> m.month().equals(YearMonth.of(2004, 1)))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("287.513624"), month.accrued());
        assertEquals(new BigDecimal("287.51"), month.amountDue());
        assertEquals(1, result.months().size());
    }

    @Test
    void spec7v2MyExampleAPartPaidLateInTwoInstalmentsBearsDefaultInterestUntilEachIsPaid() {
        // the 2004-01-01 due of 63,013.70: 13,013.70 on 01-02 (on time), 30,000.00 on 01-10, 20,000.00 on 01-20.
        // Late part 50,000.00: unpaid 01-01 .. 01-09 (9 days), then 20,000.00 for 01-10 .. 01-19 (10 days).
        InterestLedger.Result result = run(DEAL, List.of(), plus(onTimeTo2003(), paid("2004-01-02", "13013.70"),
                paid("2004-01-10", "30000.00"), paid("2004-01-20", "20000.00")), List.of(), "2004-02-29");
        // 50,000 x 24% / 365 = 32.876712; 20,000 x 24% / 365 = 13.150685
        assertEquals(new BigDecimal("32.876712"), day(result, "2004-01-09").defaultInterest());
        assertEquals(new BigDecimal("13.150685"), day(result, "2004-01-10").defaultInterest());
        assertEquals(new BigDecimal("0.000000"), day(result, "2004-01-20").defaultInterest());
        // 9 x 32.876712 + 10 x 13.150685 = 295.890408 + 131.506850 = 427.397258 -> 427.40
        assertEquals(new BigDecimal("427.40"), result.months().get(0).amountDue());
        // the base: 2,550,000 x 5% / 365 = 349.315068 on 01-01 .. 01-09; 2,520,000 x 5% / 365 = 345.205479 on 01-10 .. 01-19
        assertEquals(new BigDecimal("349.315068"), day(result, "2004-01-01").regularInterest());
        assertEquals(new BigDecimal("345.205479"), day(result, "2004-01-19").regularInterest());
    }

    @Test
    void spec11Example3IsUnchangedNothingSettledOnTimeIsLateInFull() {
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25"),
                paid("2003-01-20", "63013.70")), List.of(), "2003-07-31");
        // 19 x 351.097767 + 162 x 342.465753 = 62,150.309559 -> 62,150.31; 19 x 41.433666 = 787.239654 -> 787.24
        assertEquals(new BigDecimal("62150.31"), due(result, "2003-07-01").amountDue());
        assertEquals(new BigDecimal("787.24"), result.months().get(0).amountDue());
    }

    @Test
    void spec7v2ADueWhoseAdjustedDateIsTheRunsLastDayAndIsUnsettledIsLate() {
        // 2003-07-01 is a Tuesday (its own adjusted due date), unpaid. As of 07-01 it is late at the end of that day:
        // default interest from its scheduled date, 61,986.30 x 24% / 365 = 40.758115
        List<Payment> before = List.of(paid("2002-07-01", "32534.25"), paid("2003-01-02", "63013.70"));
        InterestLedger.Result lastDay = run(DEAL, List.of(), before, List.of(), "2003-07-01");
        assertEquals(new BigDecimal("40.758115"), day(lastDay, "2003-07-01").defaultInterest());
        // 2,500,000 + 61,986.30 = 2,561,986.30 x 5% / 365 = 350.957027
        assertEquals(new BigDecimal("350.957027"), day(lastDay, "2003-07-01").regularInterest());
        assertEquals(day(run(DEAL, List.of(), before, List.of(), "2003-07-02"), "2003-07-01"), day(lastDay, "2003-07-01"));
    }

    @Test
    void spec7v2ADueWhoseAdjustedDateIsAfterTheRunsLastDayIsNotLateInThatRun() {
        // as of Thursday 2004-01-01 the New Year's due is payable until Friday 2004-01-02: not late in this run
        InterestLedger.Result result = run(DEAL, List.of(), onTimeTo2003(), List.of(), "2004-01-01");
        assertEquals(new BigDecimal("0.000000"), day(result, "2004-01-01").defaultInterest());
        assertEquals(new BigDecimal("342.465753"), day(result, "2004-01-01").regularInterest());
        // a day later, unpaid: late in full from the scheduled date 01-01 (63,013.70 x 24% / 365 = 41.433666)
        InterestLedger.Result later = run(DEAL, List.of(), onTimeTo2003(), List.of(), "2004-01-02");
        assertEquals(new BigDecimal("41.433666"), day(later, "2004-01-01").defaultInterest());
    }

    @Test
    void spec7v2ADaysRowsDoNotDependOnWhetherItIsTheRunsLastDay() {
        // due on a Business Day (Tuesday 2003-07-01), partly paid on the day: run to the due date, then one day
        // further with no new input row, and compare every day both runs hold
        List<Payment> payments = List.of(paid("2002-07-01", "32534.25"), paid("2003-01-02", "63013.70"),
                paid("2003-07-01", "10000.00"));
        InterestLedger.Result toDueDate = run(DEAL, List.of(), payments, List.of(), TUE_2003_07_01.toString());
        InterestLedger.Result dayAfter = run(DEAL, List.of(), payments, List.of(), TUE_2003_07_01.plusDays(1).toString());
        assertEquals(toDueDate.days(), dayAfter.days().subList(0, toDueDate.days().size()));
        assertEquals(toDueDate.days().get(toDueDate.days().size() - 1).date(), TUE_2003_07_01);
        // the late part 61,986.30 - 10,000.00 = 51,986.30 bears 51,986.30 x 24% / 365 = 34.182773 from 07-01
        assertEquals(new BigDecimal("34.182773"), day(toDueDate, "2003-07-01").defaultInterest());
    }

    @Test
    void spec7v2NoRegularInterestOnADayThatEndsWithNoPrincipalOutstanding() {
        // nothing paid; the whole principal repaid on Monday 2003-03-03. The late 2002-07-01 due (32,534.25)
        // compounds from 2002-07-01: 2,532,534.25 x 5% / 365 = 346.922500 a day for 184 days = 63,833.74 due 2003-01-01
        FilingEvent repaid = new FilingEvent(d("2003-03-03"), EventType.PRINCIPAL_REPAID, BRAMWELL.id(),
                new BigDecimal("2500000.00"), null, null, null, null, null);
        InterestLedger.Result result = run(DEAL, List.of(repaid), List.of(), List.of(), "2003-03-31");
        assertEquals(new BigDecimal("63833.74"), due(result, "2003-01-01").amountDue());
        InterestAccrualDay repaymentDay = day(result, "2003-03-03");
        assertEquals(0, repaymentDay.principal().signum());
        // the compounded late parts 32,534.25 + 63,833.74 = 96,367.99 still form the base, but earn no regular interest
        assertEquals(new BigDecimal("96367.99"), repaymentDay.compoundedInterest());
        assertEquals(new BigDecimal("96367.99"), repaymentDay.interestBase());
        assertEquals(new BigDecimal("0.000000"), repaymentDay.regularInterest());
        assertEquals(new BigDecimal("0.000000"), day(result, "2003-03-31").regularInterest());
        // the unpaid interest goes on bearing default interest, and its days stay in the ledger
        assertTrue(day(result, "2003-03-31").defaultInterest().signum() > 0);
        // no due after the repayment day's own (which holds 2003-01-01 .. 2003-03-02)
        assertEquals(d("2003-03-03"), result.dues().get(result.dues().size() - 1).dueDate());
    }

    @Test
    void spec7v2PaidDateIsThePaymentRowThatCompletedTheSettlement() {
        // two instalments for the 2002-07-01 due of 32,534.25: 20,000.00 on 06-20 (held), 12,534.25 on 07-01
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-06-20", "20000.00"),
                paid("2002-07-01", "12534.25")), List.of(), "2002-07-31");
        assertEquals(d("2002-07-01"), due(result, "2002-07-01").paidDate());
        // one held payment covering it shows its own date
        InterestLedger.Result held = run(DEAL, List.of(), List.of(paid("2002-06-20", "32534.25")), List.of(), "2002-07-31");
        assertEquals(d("2002-06-20"), due(held, "2002-07-01").paidDate());
        assertTrue(due(held, "2002-07-01").paidOnTime());
        assertNull(due(run(DEAL, List.of(), List.of(paid("2002-06-20", "32534.24")), List.of(), "2002-07-31"),
                "2002-07-01").paidDate()); // one cent short
    }

    @Test
    void spec7v2UnderNoneTheOnTimePartIsJudgedOnTheScheduledDate() {
        // deadline-convention NONE: the 2004-01-01 due must be settled on 01-01; 40,000.00 paid 01-01, 23,013.70 on 01-02
        InterestLedger.Result result = run(Debenture2InterestLedgerTest.withSwitches(DeadlineConvention.NONE, true),
                List.of(), List.of(paid("2002-07-01", "32534.25"), paid("2002-12-31", "63013.70"), // held for 2003-01-01
                        paid("2003-07-01", "61986.30"), paid("2004-01-01", "40000.00"), paid("2004-01-02", "23013.70")),
                List.of(), "2004-01-31");
        // late part 23,013.70 for one day (01-01): 15.132296 -> 15.13
        assertEquals(new BigDecimal("15.132296"), day(result, "2004-01-01").defaultInterest());
        assertEquals(new BigDecimal("15.13"), result.months().get(0).amountDue());
        assertFalse(due(result, "2004-01-01").paidOnTime());
    }
}
