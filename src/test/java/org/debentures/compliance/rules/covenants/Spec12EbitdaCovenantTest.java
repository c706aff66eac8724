package org.debentures.compliance.rules.covenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.CovenantTerms;
import org.debentures.compliance.terms.EbitdaTarget;
import org.junit.jupiter.api.Test;

/**
 * Debenture 6(d)(ix), 6(e), 6(f) (SPEC §12): the EBITDA covenant on Ramtron's targets, with the
 * worked example of SPEC §12 (each figure on its own data).
 */
class Spec12EbitdaCovenantTest {

    private static final BusinessDays NY = BusinessDays.newYork();
    private static final LocalDate AS_OF = LocalDate.parse("2003-12-31");

    /** Ramtron's deal file: the 6(e) targets, 30 grace days, certificate 2 and review 5 Business Days. */
    static CovenantTerms ramtron() {
        return new CovenantTerms(List.of(
                new EbitdaTarget(12, List.of(d("2002-12-31")), new BigDecimal("-2000000")),
                new EbitdaTarget(6, List.of(d("2003-06-30"), d("2003-09-30"), d("2003-12-31")), new BigDecimal("750000")),
                new EbitdaTarget(6, EbitdaTarget.quarterEnds(d("2004-03-31"), d("2007-03-31")), new BigDecimal("937500")),
                new EbitdaTarget(3, EbitdaTarget.quarterEnds(d("2003-03-31"), d("2003-12-31")), new BigDecimal("-500000")),
                new EbitdaTarget(3, EbitdaTarget.quarterEnds(d("2004-03-31"), d("2004-12-31")), new BigDecimal("-250000"))),
                30, 2, 5, List.of());
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static FilingEvent row(String date, EventType type, String quarter, String amount) {
        return new FilingEvent(d(date), type, "RMTR", amount == null ? null : new BigDecimal(amount), null, null, null,
                quarter, null);
    }

    private static EbitdaCovenant.Result evaluate(List<FilingEvent> rows, LocalDate asOf) {
        return new EbitdaCovenant(NY).evaluate("RAMTRON-2002", ramtron(), rows, 5, asOf);
    }

    private static CovenantTest test(EbitdaCovenant.Result result, String periodEnd, int months) {
        return result.tests().stream().filter(t -> t.periodEnd().equals(d(periodEnd)) && t.months() == months)
                .findFirst().orElseThrow();
    }

    @Test
    void fiscal2002BelowItsTargetIsAnEventOfDefaultFrom2003_01_30() {
        // -900,000 - 700,000 - 400,000 - 150,000 = -2,150,000 < -2,000,000; 2002-12-31 + 30 days = 2003-01-30
        List<FilingEvent> rows = List.of(row("2002-05-10", EventType.EBITDA_CERTIFICATE, "2002Q1", "-900000"),
                row("2002-08-09", EventType.EBITDA_CERTIFICATE, "2002Q2", "-700000"),
                row("2002-11-08", EventType.EBITDA_CERTIFICATE, "2002Q3", "-400000"),
                row("2003-01-15", EventType.EBITDA_CERTIFICATE, "2002Q4", "-150000"));
        EbitdaCovenant.Result result = evaluate(rows, AS_OF);
        CovenantTest fy2002 = test(result, "2002-12-31", 12);
        assertEquals(0, new BigDecimal("-2150000").compareTo(fy2002.actual()));
        assertEquals(Boolean.FALSE, fy2002.met());
        assertEquals("FINAL", fy2002.state()); // every certificate's review period ended with no objection
        assertEquals(d("2003-01-30"), fy2002.breachDate());
        DefaultCause cause = result.eventsOfDefault().stream().filter(c -> c.first().equals(d("2003-01-30")))
                .findFirst().orElseThrow();
        assertEquals("6(d)(ix)", cause.clause());
        assertNull(cause.last(), "continuing");
    }

    @Test
    void q1_2003BelowItsQuarterTargetFrom2003_04_30AndTheSixMonthsToJuneFrom2003_07_30() {
        // Q1 -600,000 < -500,000: 2003-03-31 + 30 = 2003-04-30
        // Q2 +1,300,000: six months -600,000 + 1,300,000 = 700,000 < 750,000: 2003-06-30 + 30 = 2003-07-30
        List<FilingEvent> rows = List.of(row("2003-05-09", EventType.EBITDA_CERTIFICATE, "2003Q1", "-600000"),
                row("2003-08-08", EventType.EBITDA_CERTIFICATE, "2003Q2", "1300000"));
        EbitdaCovenant.Result result = evaluate(rows, d("2003-08-31"));
        assertEquals(d("2003-04-30"), test(result, "2003-03-31", 3).breachDate());
        assertEquals(Boolean.FALSE, test(result, "2003-03-31", 3).met());
        CovenantTest sixMonths = test(result, "2003-06-30", 6);
        assertEquals(0, new BigDecimal("700000").compareTo(sixMonths.actual()));
        assertEquals(Boolean.FALSE, sixMonths.met());
        assertEquals(d("2003-07-30"), sixMonths.breachDate());
        assertEquals(Boolean.TRUE, test(result, "2003-06-30", 3).met(), "Q2 alone: 1,300,000 >= -500,000");
        assertEquals(List.of(d("2003-04-30"), d("2003-07-30")),
                result.eventsOfDefault().stream().map(DefaultCause::first).toList());
        // Q2's certificate of 2003-08-08: its review period (through 2003-08-15) ended with no objection
        assertEquals("FINAL", sixMonths.state());
    }

    @Test
    void aShortfallCertifiedAfterTheBreachDateStillCountsFromTheBreachDate() {
        // the Q2 certificate arrives 2003-08-20, after the 2003-07-30 breach date: the Event of Default still starts 07-30
        List<FilingEvent> rows = List.of(row("2003-05-09", EventType.EBITDA_CERTIFICATE, "2003Q1", "-600000"),
                row("2003-08-20", EventType.EBITDA_CERTIFICATE, "2003Q2", "1300000"));
        EbitdaCovenant.Result result = evaluate(rows, d("2003-08-31"));
        assertTrue(result.eventsOfDefault().stream().anyMatch(c -> c.first().equals(d("2003-07-30"))));
        // and until the figure came, the period was not reported: 2003-07-30 .. 2003-08-19
        DefaultCause notReported = result.notReported().stream().filter(c -> c.first().equals(d("2003-07-30")))
                .findFirst().orElseThrow();
        assertEquals(d("2003-08-19"), notReported.last());
        assertTrue(notReported.message().contains("2003Q2"), notReported.message());
    }

    @Test
    void aMissingFigureIsNotABreachButIsNotReportedFromTheBreachDate() {
        EbitdaCovenant.Result result = evaluate(List.of(), d("2003-05-15"));
        CovenantTest q1 = test(result, "2003-03-31", 3);
        assertNull(q1.actual());
        assertNull(q1.met());
        assertEquals("MISSING", q1.state());
        assertTrue(result.eventsOfDefault().isEmpty());
        assertEquals(List.of(d("2003-01-30"), d("2003-04-30")), result.notReported().stream().map(DefaultCause::first).toList());
        assertTrue(result.notReported().stream().allMatch(c -> c.last() == null), "still missing on the run's last day");
    }

    @Test
    void theCertificateDueTwoBusinessDaysAfterTheEarningsReleaseIsLateFromTheDayAfterAndA6dvFromThe6thBusinessDay() {
        // Q1 2003 earnings released Thursday 2003-04-24: due Monday 2003-04-28 (Fri 25, Mon 28)
        // delivered 2003-05-09: EBITDA_CERTIFICATE_LATE 2003-04-29 .. 2003-05-08
        // 5 Business Days after 04-28: Tue 29, Wed 30, Thu 1, Fri 2, Mon 5 -> 6(d)(v) from 2003-05-06 .. 2003-05-08
        List<FilingEvent> rows = List.of(row("2003-04-24", EventType.EARNINGS_RELEASED, "2003Q1", null),
                row("2003-05-09", EventType.EBITDA_CERTIFICATE, "2003Q1", "-600000"));
        EbitdaCovenant.Result result = evaluate(rows, d("2003-06-30"));
        assertEquals(1, result.certificateLate().size());
        assertEquals(d("2003-04-29"), result.certificateLate().get(0).first());
        assertEquals(d("2003-05-08"), result.certificateLate().get(0).last());
        assertEquals(1, result.certificateDefaults().size());
        DefaultCause eod = result.certificateDefaults().get(0);
        assertEquals("6(d)(v)", eod.clause());
        assertEquals(d("2003-05-06"), eod.first());
        assertEquals(d("2003-05-08"), eod.last());
        // its review period then runs through 2003-05-16 (Mon 12 .. Fri 16): under review on 05-16, final on 05-19
        EbitdaFigures figures = new EbitdaFigures(rows, NY, 5);
        assertEquals(d("2003-05-16"), figures.reviewEnd(d("2003-05-09")));
        assertEquals(EbitdaFigures.State.UNDER_REVIEW, figures.asOf(d("2003-03-31"), d("2003-05-16")).state());
        assertEquals(EbitdaFigures.State.FINAL, figures.asOf(d("2003-03-31"), d("2003-05-19")).state());
    }

    @Test
    void aCertificateDeliveredByItsDueDateIsNotLate() {
        List<FilingEvent> rows = List.of(row("2003-04-24", EventType.EARNINGS_RELEASED, "2003Q1", null),
                row("2003-04-28", EventType.EBITDA_CERTIFICATE, "2003Q1", "-400000"));
        EbitdaCovenant.Result result = evaluate(rows, d("2003-06-30"));
        assertTrue(result.certificateLate().isEmpty());
        assertTrue(result.certificateDefaults().isEmpty());
    }

    @Test
    void anObjectionInTheReviewPeriodKeepsTheFigureObjectedUntilTheFinalFigureWhichReplacesIt() {
        List<FilingEvent> rows = List.of(row("2003-05-09", EventType.EBITDA_CERTIFICATE, "2003Q1", "-400000"),
                row("2003-05-14", EventType.EBITDA_OBJECTION, "2003Q1", null),
                row("2003-06-20", EventType.EBITDA_FINAL, "2003Q1", "-600000"));
        EbitdaFigures figures = new EbitdaFigures(rows, NY, 5);
        assertEquals(new EbitdaFigures.Figure(new BigDecimal("-400000"), EbitdaFigures.State.OBJECTED),
                figures.asOf(d("2003-03-31"), d("2003-06-19")));
        assertEquals(new EbitdaFigures.Figure(new BigDecimal("-600000"), EbitdaFigures.State.FINAL),
                figures.asOf(d("2003-03-31"), d("2003-06-20")));
        // as of 2003-06-30 the final figure, -600,000 < -500,000, is the period's: a breach from 2003-04-30
        EbitdaCovenant.Result result = evaluate(rows, d("2003-06-30"));
        assertEquals(Boolean.FALSE, test(result, "2003-03-31", 3).met());
        assertTrue(result.eventsOfDefault().stream().anyMatch(c -> c.first().equals(d("2003-04-30"))));
        // as of 2003-06-19 the certificate's -400,000 was the figure: no breach yet
        EbitdaCovenant.Result before = evaluate(rows, d("2003-06-19"));
        assertEquals(Boolean.TRUE, test(before, "2003-03-31", 3).met());
        assertEquals("OBJECTED", test(before, "2003-03-31", 3).state());
        assertFalse(before.eventsOfDefault().stream().anyMatch(c -> c.first().equals(d("2003-04-30"))));
    }

    @Test
    void aPeriodEndingAfterTheRunsLastDayIsNotTested() {
        EbitdaCovenant.Result result = evaluate(List.of(), d("2003-06-29"));
        assertEquals(List.of(d("2002-12-31"), d("2003-03-31")), result.tests().stream().map(CovenantTest::periodEnd).toList());
    }

    @Test
    void theTargetsExpandToEveryQuarterEndOfTheirRanges() {
        List<EbitdaCovenant.TargetPeriod> periods = EbitdaCovenant.periods(ramtron());
        // 1 + 3 + 13 (2004-03-31 .. 2007-03-31) + 4 + 4
        assertEquals(25, periods.size());
        assertEquals(List.of(d("2003-12-31"), d("2004-03-31")), Quarters.of(d("2004-03-31"), 6));
        List<String> names = new ArrayList<>();
        Quarters.of(d("2002-12-31"), 12).forEach(q -> names.add(Quarters.name(q)));
        assertEquals(List.of("2002Q1", "2002Q2", "2002Q3", "2002Q4"), names);
    }
}
