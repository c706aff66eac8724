package org.debentures.compliance.rules.interest;

import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.BRAMWELL;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.DEAL;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.NY;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.d;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.paid;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.run;
import static org.debentures.compliance.rules.interest.Debenture2InterestLedgerTest.withSwitches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.OldestFirstSettlement.Payment;
import org.debentures.compliance.rules.deadlines.Deadline;
import org.debentures.compliance.rules.deadlines.UpcomingDeadlines;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.DealTerms;
import org.junit.jupiter.api.Test;

/**
 * Debenture 6(d)(v) for payments, as SPEC §7 and §10 version 2 state it: every grace period of 5 Business Days
 * counts from the due date after the deadline convention, and the Event of Default runs from the day after its
 * last day to the day before the obligation is met in full; for interest dues, a month's default interest and
 * principal unpaid after the Maturity Date.
 */
class Debenture6dvPaymentEventsOfDefaultTest {

    static final LocalDate WED_2007_03_28 = d("2007-03-28"); // Maturity Date

    static List<Finding> findings(DealTerms deal, List<FilingEvent> events, List<Payment> interest,
                                  List<Payment> defaultInterest, String asOf) {
        InterestLedger.Result ledger = run(deal, events, interest, defaultInterest, asOf);
        return InterestFindings.of(deal, BRAMWELL, ledger, List.of(), NY, d(asOf));
    }

    static List<String> runs(List<Finding> findings, ExceptionCode code) {
        return findings.stream().filter(f -> f.code() == code)
                .map(f -> f.startDate() + ".." + (f.endDate() == null ? "open" : f.endDate())).toList();
    }

    /** Every due up to the as-of date paid on its scheduled date (a held prepayment when that is a holiday). */
    static List<Payment> everyDueOnTime(String asOf) {
        InterestLedger.Result simple = run(withSwitches(DeadlineConvention.FOLLOWING, false), List.of(), List.of(),
                List.of(), asOf);
        return simple.dues().stream().map(due -> new Payment(due.dueDate(), due.amountDue())).toList();
    }

    @Test
    void spec10v2TheGraceCountsFromTheAdjustedDueDate() {
        List<Payment> first = List.of(paid("2002-07-01", "32534.25")); // 2003-01-01 (New Year's Day) unpaid
        // FOLLOWING: due 2003-01-02; 5 Business Days 01-03, 01-06, 01-07, 01-08, 01-09: Event of Default from 01-10
        assertEquals(List.of("2003-01-10..open"),
                runs(findings(DEAL, List.of(), first, List.of(), "2003-01-31"), ExceptionCode.EVENT_OF_DEFAULT));
        // NONE: due 2003-01-01; 5 Business Days 01-02, 01-03, 01-06, 01-07, 01-08: Event of Default from 01-09
        assertEquals(List.of("2003-01-09..open"), runs(findings(withSwitches(DeadlineConvention.NONE, true), List.of(),
                first, List.of(), "2003-01-31"), ExceptionCode.EVENT_OF_DEFAULT));
    }

    @Test
    void spec10v2MyExampleAJulyDueOnASaturday() {
        // 2006-07-01 is a Saturday: due Monday 07-03 under FOLLOWING; 07-04 is Independence Day, so the 5 Business Days
        // after 07-03 are 07-05, 07-06, 07-07, 07-10, 07-11: Event of Default from 07-12 (v1 counted from 07-01: 07-11)
        List<Payment> upTo2006 = everyDueOnTime("2006-06-30");
        List<Finding> found = findings(DEAL, List.of(), upTo2006, List.of(), "2006-07-31");
        assertEquals(List.of("2006-07-12..open"), runs(found, ExceptionCode.EVENT_OF_DEFAULT));
        assertEquals(List.of("2006-07-04..open"), runs(found, ExceptionCode.INTEREST_UNPAID));
    }

    @Test
    void spec7v2PrincipalUnpaidAfterTheMaturityDate() {
        // every interest due paid on time, the principal not repaid on Wednesday 2007-03-28:
        // PRINCIPAL_UNPAID from 03-29; 5 Business Days 03-29, 03-30, 04-02, 04-03, 04-04: Event of Default from 04-05
        List<Payment> interest = everyDueOnTime("2007-03-28");
        List<Finding> found = findings(DEAL, List.of(), interest, List.of(), "2007-04-30");
        assertEquals(List.of("2007-03-29..open"), runs(found, ExceptionCode.PRINCIPAL_UNPAID));
        assertEquals(List.of("2007-04-05..open"), runs(found, ExceptionCode.EVENT_OF_DEFAULT));
        assertEquals("6(d)(v)", found.stream().filter(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT)
                .findFirst().orElseThrow().clause());
        assertTrue(runs(found, ExceptionCode.INTEREST_UNPAID).isEmpty());
    }

    @Test
    void spec7v2MyExamplePrincipalRepaidLateEndsBothTheDayBefore() {
        // repaid in full on Tuesday 2007-04-10: PRINCIPAL_UNPAID 03-29 .. 04-09, Event of Default 04-05 .. 04-09
        FilingEvent repaid = new FilingEvent(d("2007-04-10"), EventType.PRINCIPAL_REPAID, BRAMWELL.id(),
                new BigDecimal("2500000.00"), null, null, null, null, null);
        List<Finding> found = findings(DEAL, List.of(repaid), everyDueOnTime("2007-03-28"), List.of(), "2007-04-12");
        assertEquals(List.of("2007-03-29..2007-04-09"), runs(found, ExceptionCode.PRINCIPAL_UNPAID));
        assertEquals(List.of("2007-04-05..2007-04-09"), runs(found, ExceptionCode.EVENT_OF_DEFAULT));
    }

    @Test
    void spec7v2DefaultInterestUnpaidAfterItsGraceIsAnEventOfDefault() {
        // 2003-01-01 due paid on 2003-01-20 (late in full): January's default interest 787.24 is due by Friday
        // 2003-02-07; unpaid: DEFAULT_INTEREST_OVERDUE from 02-08; 5 Business Days 02-10 .. 02-14: from 02-15
        List<Payment> interest = List.of(paid("2002-07-01", "32534.25"), paid("2003-01-20", "63013.70"));
        List<Finding> found = findings(DEAL, List.of(), interest, List.of(), "2003-03-31");
        assertEquals(List.of("2003-02-08..open"), runs(found, ExceptionCode.DEFAULT_INTEREST_OVERDUE));
        // the interest due's own Event of Default 01-10 .. 01-19, then January's default interest from 02-15
        assertEquals(List.of("2003-01-10..2003-01-19", "2003-02-15..open"), runs(found, ExceptionCode.EVENT_OF_DEFAULT));
        // paid on 2003-02-20: the default-interest Event of Default ends 02-19
        List<Finding> paidLate = findings(DEAL, List.of(), interest, List.of(paid("2003-02-20", "787.24")), "2003-03-31");
        assertEquals(List.of("2003-01-10..2003-01-19", "2003-02-15..2003-02-19"),
                runs(paidLate, ExceptionCode.EVENT_OF_DEFAULT));
        // one cent short keeps it going (SPEC §10: one unpaid cent counts)
        List<Finding> short1 = findings(DEAL, List.of(), interest, List.of(paid("2003-02-20", "787.23")), "2003-03-31");
        assertEquals(List.of("2003-01-10..2003-01-19", "2003-02-15..open"), runs(short1, ExceptionCode.EVENT_OF_DEFAULT));
    }

    @Test
    void spec10v2UpcomingDeadlinesUseTheSameLastDayToPay() {
        // as of 2003-01-05, the unpaid 2003-01-01 due: the last day to pay before 6(d)(v) is 2003-01-09 (the day
        // before the Event of Default of 01-10)
        InterestLedger.Result ledger = run(DEAL, List.of(), List.of(paid("2002-07-01", "32534.25")), List.of(), "2003-01-05");
        List<Deadline> upcoming = new UpcomingDeadlines(NY).of(DEAL, List.of(),
                List.of(new UpcomingDeadlines.InstrumentState(BRAMWELL, ledger, List.of(), null)), d("2003-01-05"), 30);
        assertEquals(List.of("2003-01-09 last day to pay before an Event of Default Debenture 6(d)(v)"),
                upcoming.stream().filter(x -> x.obligation().startsWith("last day"))
                        .map(x -> x.dueDate() + " " + x.obligation() + " " + x.clause()).toList());
        // and for principal at maturity: as of 2007-03-28, repay by 2007-04-04
        InterestLedger.Result atMaturity = run(DEAL, List.of(), everyDueOnTime("2007-03-28"), List.of(), "2007-03-28");
        List<Deadline> maturity = new UpcomingDeadlines(NY).of(DEAL, List.of(),
                List.of(new UpcomingDeadlines.InstrumentState(BRAMWELL, atMaturity, List.of(), null)), d("2007-03-28"), 30);
        assertEquals(List.of("2007-04-04 last day to repay principal before an Event of Default"),
                maturity.stream().filter(x -> x.obligation().startsWith("last day"))
                        .map(x -> x.dueDate() + " " + x.obligation()).toList());
    }
}
