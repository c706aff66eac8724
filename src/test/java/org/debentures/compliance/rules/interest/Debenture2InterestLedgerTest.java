package org.debentures.compliance.rules.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.OldestFirstSettlement.Payment;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.Switches;
import org.junit.jupiter.api.Test;

/**
 * Debenture §2 (SPEC §7, §10, §11 examples 2 and 3): Bramwell, $2,500,000 at 5%, Issue Date
 * 2002-03-28. Daily accrual 2,500,000 x 5% / 365 = 342.465753.
 */
class Debenture2InterestLedgerTest {

    static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    static final Instrument BRAMWELL = DEAL.instruments().get(0);
    static final BusinessDays NY = BusinessDays.newYork();

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static Payment paid(String date, String amount) {
        return new Payment(d(date), new BigDecimal(amount));
    }

    static InterestLedger.Result run(DealTerms deal, List<FilingEvent> events, List<Payment> interest,
                                     List<Payment> defaultInterest, String asOf) {
        return new InterestLedger(NY).run(deal, BRAMWELL, new PrincipalOutstanding(BRAMWELL, events, NY), interest,
                defaultInterest, d(asOf));
    }

    static DealTerms withSwitches(DeadlineConvention convention, boolean compound) {
        Switches s = DEAL.switches();
        return DEAL.withSwitches(new Switches(convention, s.pricesSplitAdjusted(), s.vwapTestReading(), s.coverageCure(),
                s.penaltyPeriodCounting(), compound));
    }

    static InterestDue due(InterestLedger.Result result, String date) {
        return result.dues().stream().filter(x -> x.dueDate().equals(d(date))).findFirst().orElseThrow();
    }

    static InterestAccrualDay day(InterestLedger.Result result, String date) {
        return result.days().stream().filter(x -> x.date().equals(d(date))).findFirst().orElseThrow();
    }

    @Test
    void spec11Example2TheFirstDueCovers95Days() {
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25")), List.of(), "2002-07-31");
        InterestDue first = result.dues().get(0);
        assertEquals(d("2002-07-01"), first.dueDate());
        assertEquals(95, first.days()); // 2002-03-28 .. 2002-06-30
        assertEquals(new BigDecimal("342.465753"), day(result, "2002-03-28").regularInterest());
        // 95 x 342.465753 = 32,534.246535 -> 32,534.25
        assertEquals(new BigDecimal("32534.25"), first.amountDue());
        assertTrue(first.paidOnTime());
    }

    @Test
    void spec11Example3ALateDueCompoundsAndBearsDefaultInterest() {
        List<Payment> payments = List.of(paid("2002-07-01", "32534.25"), paid("2003-01-20", "63013.70"),
                paid("2003-07-01", "62150.31"));
        InterestLedger.Result result = run(DEAL, List.of(), payments, List.of(), "2003-07-31");

        // 2003-01-01 due: 184 x 342.465753 = 63,013.698552 -> 63,013.70; paid 01-20, after the adjusted date 01-02
        InterestDue january = due(result, "2003-01-01");
        assertEquals(new BigDecimal("63013.70"), january.amountDue());
        assertEquals(d("2003-01-02"), january.adjustedDueDate());
        assertFalse(january.paidOnTime());
        // 01-01 .. 01-19: base 2,563,013.70, daily 351.097767; from 01-20 back to 342.465753
        assertEquals(new BigDecimal("351.097767"), day(result, "2003-01-01").regularInterest());
        assertEquals(new BigDecimal("351.097767"), day(result, "2003-01-19").regularInterest());
        assertEquals(new BigDecimal("342.465753"), day(result, "2003-01-20").regularInterest());
        // 19 x 351.097767 + 162 x 342.465753 = 6,670.857573 + 55,479.451986 = 62,150.309559 -> 62,150.31
        assertEquals(new BigDecimal("62150.31"), due(result, "2003-07-01").amountDue());
        // default interest 63,013.70 x 24% / 365 = 41.433666 a day for 19 days = 787.239654 -> 787.24, due 2003-02-07
        DefaultInterestMonth month = result.months().get(0);
        assertEquals(YearMonth.of(2003, 1), month.month());
        assertEquals(new BigDecimal("787.239654"), month.accrued());
        assertEquals(new BigDecimal("787.24"), month.amountDue());
        assertEquals(d("2003-02-07"), month.dueBy());
        assertEquals(1, result.months().size());
    }

    @Test
    void januaryAndFebruaryDefaultInterestAndTheirDueDates() {
        // the 2003-01-01 due paid only on 2003-02-20: late 01-01 .. 02-19
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25"),
                paid("2003-02-20", "63013.70")), List.of(paid("2003-02-07", "1284.44")), "2003-03-31");
        // January: 31 x 41.433666 = 1,284.443646 -> 1,284.44, due by the 5th Business Day after 01-31 = 02-07
        // February: 19 x 41.433666 = 787.239654 -> 787.24, due by 03-03, 03-04, 03-05, 03-06, 03-07 -> 03-07
        assertEquals(List.of("2003-01 1284.44 2003-02-07 2003-02-07", "2003-02 787.24 2003-03-07 null"),
                result.months().stream().map(m -> m.month() + " " + m.amountDue() + " " + m.dueBy() + " " + m.paidDate())
                        .toList());
        List<Finding> findings = InterestFindings.of(DEAL, BRAMWELL, result, List.of(), NY, d("2003-03-31"));
        Finding overdue = findings.stream().filter(f -> f.code() == ExceptionCode.DEFAULT_INTEREST_OVERDUE)
                .findFirst().orElseThrow();
        assertEquals(d("2003-03-08"), overdue.startDate()); // February's default interest unpaid after 03-07
        assertTrue(overdue.isOpen());
    }

    @Test
    void leapYearStillDividesBy365() {
        InterestLedger.Result result = run(DEAL, List.of(), List.of(), List.of(), "2004-07-01");
        // 2004-01-01 .. 2004-06-30 = 182 days (29 February included) x 342.465753 = 62,328.767046 -> 62,328.77
        // (the unpaid dues compound, so compare a run where everything is paid on time)
        InterestLedger.Result onTime = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25"),
                paid("2003-01-02", "63013.70"), paid("2003-07-01", "61986.30"), paid("2004-01-02", "63013.70")),
                List.of(), "2004-07-01");
        assertEquals(new BigDecimal("342.465753"), day(onTime, "2004-02-29").regularInterest());
        assertEquals(182, due(onTime, "2004-07-01").days());
        assertEquals(new BigDecimal("62328.77"), due(onTime, "2004-07-01").amountDue());
        assertTrue(due(result, "2004-07-01").amountDue().compareTo(new BigDecimal("62328.77")) > 0); // compounded
    }

    @Test
    void spec7v2APartialPaymentOnTimeLeavesOnlyTheRestLateAndCompounding() {
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25"),
                paid("2003-01-02", "30000.00")), List.of(), "2003-01-31");
        InterestDue january = due(result, "2003-01-01");
        assertEquals(new BigDecimal("30000.00"), january.amountPaid());
        assertNull(january.paidDate());
        assertEquals("PARTLY_PAID", january.status(d("2003-01-31")));
        // SPEC §7 v2 (changed from v1, where the whole 63,013.70 compounded on 01-01): the 30,000.00 paid by the
        // adjusted due date 01-02 is on time and never compounds, also on 01-01; the late part is
        // 63,013.70 - 30,000.00 = 33,013.70 from the scheduled date 01-01:
        // 2,533,013.70 x 5% / 365 = 346.988178
        assertEquals(new BigDecimal("2533013.700000"), day(result, "2003-01-01").interestBase().setScale(6));
        assertEquals(new BigDecimal("346.988178"), day(result, "2003-01-01").regularInterest());
        assertEquals(new BigDecimal("346.988178"), day(result, "2003-01-02").regularInterest());
        // default interest on 33,013.70 only, from 01-01: x 24% / 365 = 21.707638
        assertEquals(new BigDecimal("21.707638"), day(result, "2003-01-01").defaultInterest());
        assertEquals(new BigDecimal("21.707638"), day(result, "2003-01-02").defaultInterest());
    }

    @Test
    void aPrepaymentIsHeldForTheNextDue() {
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-06-15", "40000.00"),
                paid("2003-01-02", "55547.95")), List.of(), "2003-01-31");
        // 40,000 before anything is due: settles the 07-01 due (32,534.25), 7,465.75 held
        InterestDue july = due(result, "2002-07-01");
        // SPEC §7 v2 (changed from v1's 2002-07-01): paid_date is the date of the payment row that completed the
        // settlement, a payment made before the due and held for it shows its own date
        assertEquals(d("2002-06-15"), july.paidDate());
        assertTrue(july.paidOnTime());
        // 7,465.75 + 55,547.95 = 63,013.70: the 2003-01-01 due settled on 01-02, on time
        assertTrue(due(result, "2003-01-01").paidOnTime());
        assertEquals(d("2003-01-02"), due(result, "2003-01-01").paidDate());
        assertEquals(List.of(), result.months());
    }

    @Test
    void aDueOnAHolidayPaidTheNextBusinessDayIsOnTimeUnderFollowingOnly() {
        List<Payment> payments = List.of(paid("2002-07-01", "32534.25"), paid("2003-01-02", "63013.70"));
        InterestLedger.Result following = run(DEAL, List.of(), payments, List.of(), "2003-01-31");
        assertTrue(due(following, "2003-01-01").paidOnTime());
        assertEquals(List.of(), following.months());

        InterestLedger.Result literal = run(withSwitches(DeadlineConvention.NONE, true), List.of(), payments, List.of(),
                "2003-01-31");
        assertFalse(due(literal, "2003-01-01").paidOnTime());
        // late on 01-01 only: compounded that day, default interest 63,013.70 x 24% / 365 = 41.433666 -> 41.43
        assertEquals(new BigDecimal("351.097767"), day(literal, "2003-01-01").regularInterest());
        assertEquals(new BigDecimal("41.43"), literal.months().get(0).amountDue());
    }

    @Test
    void aConversionMidPeriodReducesTheBaseFromItsDate() {
        FilingEvent conversion = new FilingEvent(d("2003-11-03"), EventType.CONVERSION, BRAMWELL.id(),
                new BigDecimal("500000.00"), 132662L, null, null, "C-1", null);
        InterestLedger.Result result = run(DEAL, List.of(conversion), List.of(), List.of(), "2004-01-01");
        // 07-01 .. 11-02: 125 x 342.465753 = 42,808.219125; 11-03 .. 12-31: 59 x 2,000,000 x 5% / 365
        // (= 273.972603) = 16,164.383577; total 58,972.602702 -> 58,972.60 (before compounding of unpaid dues)
        InterestLedger.Result paid = run(DEAL, List.of(conversion), List.of(paid("2002-07-01", "32534.25"),
                paid("2003-01-02", "63013.70"), paid("2003-07-01", "61986.30")), List.of(), "2004-01-01");
        assertEquals(new BigDecimal("273.972603"), day(paid, "2003-11-03").regularInterest());
        assertEquals(new BigDecimal("58972.60"), due(paid, "2004-01-01").amountDue());
        assertEquals(0, new BigDecimal("2000000").compareTo(day(result, "2003-11-03").principal()));
    }

    @Test
    void compoundingOffLeavesTheBaseAtPrincipal() {
        List<Payment> payments = List.of(paid("2002-07-01", "32534.25"), paid("2003-01-20", "63013.70"));
        InterestLedger.Result result = run(withSwitches(DeadlineConvention.FOLLOWING, false), List.of(), payments,
                List.of(), "2003-07-01");
        assertEquals(new BigDecimal("342.465753"), day(result, "2003-01-05").regularInterest());
        // 181 x 342.465753 = 61,986.301293 -> 61,986.30 (instead of 62,150.31); default interest still 787.24
        assertEquals(new BigDecimal("61986.30"), due(result, "2003-07-01").amountDue());
        assertEquals(new BigDecimal("787.24"), result.months().get(0).amountDue());
    }

    @Test
    void interestContinuesAfterMaturityWhilePrincipalIsUnpaid() {
        List<Payment> payments = new ArrayList<>();
        InterestLedger.Result result = run(DEAL, List.of(), payments, List.of(), "2007-07-02");
        assertTrue(result.dues().stream().anyMatch(x -> x.dueDate().equals(d("2007-03-28"))));
        assertTrue(result.dues().stream().anyMatch(x -> x.dueDate().equals(d("2007-07-01"))));
        assertTrue(day(result, "2007-06-30").principal().signum() > 0);
    }

    @Test
    void eventOfDefault6dvForInterestStartsAfterFiveBusinessDays() {
        InterestLedger.Result result = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25"),
                paid("2003-01-20", "63013.70")), List.of(paid("2003-02-05", "787.24")), "2003-03-31");
        List<Finding> findings = InterestFindings.of(DEAL, BRAMWELL, result, List.of(), NY, d("2003-03-31"));
        // SPEC §10 v2 (changed from v1's 01-09): the grace counts from the due date after the deadline convention,
        // 2003-01-02 under FOLLOWING; its 5 Business Days 01-03, 01-06, 01-07, 01-08, 01-09: Event of Default 01-10 .. 01-19
        Finding eod = findings.stream().filter(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT).findFirst().orElseThrow();
        assertEquals(d("2003-01-10"), eod.startDate());
        assertEquals(d("2003-01-19"), eod.endDate());
        assertEquals("6(d)(v)", eod.clause());
        Finding unpaid = findings.stream().filter(f -> f.code() == ExceptionCode.INTEREST_UNPAID).findFirst().orElseThrow();
        assertEquals(d("2003-01-03"), unpaid.startDate()); // the day after the adjusted due date 01-02
        assertEquals(d("2003-01-19"), unpaid.endDate());
        assertTrue(findings.stream().noneMatch(f -> f.code() == ExceptionCode.DEFAULT_INTEREST_OVERDUE)); // paid 02-05
    }
}
