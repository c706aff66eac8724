package org.debentures.compliance.rules.conversion;

import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.FIRST_COUNTED;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.ISSUE;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.NYSE;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.TERMS;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.instrument;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.noAdjustments;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.pattern;
import static org.debentures.compliance.rules.conversion.Debenture5ciiVwapTestTest.sessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.conversion.ConditionState.State;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.VwapTestReading;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 v2, Debenture §5(c)(ii): a {@code vwap_test} row whose 30 counted Trading Days span an
 * exchange session day (Strata's NYSE calendar) with no VWAP row and no open trading halt carries
 * {@code window_has_gap}; a test first met on such a window says so in {@code VWAP_TEST_MET} and in
 * the 5(c)(ii) readiness evidence (a missing day below the threshold could undo it).
 *
 * <p>The counted days start on Friday 2003-08-29, the day after the 17-month anniversary 2003-08-28;
 * the NYSE sessions from there: 08-29, 09-02 (09-01 Labor Day), 09-03, 09-04, 09-05, 09-08, 09-09, ...
 */
class Debenture5ciiVwapWindowGapTest {

    private static final LocalDate TUE_2003_09_02 = LocalDate.parse("2003-09-02");
    private static final LocalDate FRI_2003_09_05 = LocalDate.parse("2003-09-05");
    private static final LocalDate MON_2003_09_08 = LocalDate.parse("2003-09-08");
    private static final LocalDate TUE_2003_09_09 = LocalDate.parse("2003-09-09");
    private static final LocalDate MON_2003_10_13 = LocalDate.parse("2003-10-13");
    private static final LocalDate TUE_2003_10_14 = LocalDate.parse("2003-10-14");
    private static final LocalDate FRI_2003_10_17 = LocalDate.parse("2003-10-17");
    private static final LocalDate MON_2003_10_20 = LocalDate.parse("2003-10-20");
    private static final LocalDate TUE_2004_05_18 = LocalDate.parse("2004-05-18");
    private static final LocalDate FRI_2004_06_11 = LocalDate.parse("2004-06-11"); // Reagan's funeral: NYSE closed
    private static final LocalDate WED_2004_06_30 = LocalDate.parse("2004-06-30");
    private static final LocalDate AS_OF = LocalDate.parse("2004-12-31");

    private static List<VwapTestDay> run(List<VwapObservation> vwaps, List<DateInterval> halts) {
        return new MandatoryConversionVwapTest(TERMS, VwapTestReading.PERCENT_OF, false)
                .run(instrument(ISSUE), noAdjustments(), vwaps, NYSE, halts, AS_OF);
    }

    /**
     * 36 session days from 2003-08-29 (the 36th is Mon 2003-10-20) with Mon 2003-09-08 (the 6th) left
     * out: 35 counted days; the first 20 of them at 8.00 (above 7.538), the others at 7.00.
     */
    private static List<VwapObservation> withoutTheSixthSessionDay() {
        List<VwapObservation> vwaps = new ArrayList<>(sessions(FIRST_COUNTED, pattern(21, 15)));
        VwapObservation removed = vwaps.remove(5);
        assertEquals(MON_2003_09_08, removed.date());
        return vwaps;
    }

    private static VwapTestDay on(List<VwapTestDay> days, LocalDate date) {
        return days.stream().filter(d -> d.tradeDate().equals(date)).findFirst().orElseThrow();
    }

    @Test
    void aWindowSpanningASessionDayWithoutAVwapRowHasAGapUntilTheDayLeavesIt() {
        List<VwapTestDay> days = run(withoutTheSixthSessionDay(), List.of());

        assertEquals(35, days.size());
        // before the 30th counted day there is no window, hence no gap (09-09 is the first day after 09-08)
        assertFalse(on(days, TUE_2003_09_09).windowHasGap());
        assertTrue(days.subList(0, 29).stream().noneMatch(VwapTestDay::windowHasGap));
        // the 30th counted day is the 31st session day, Mon 2003-10-13: window 08-29 .. 10-13 holds 09-08
        VwapTestDay first = days.get(29);
        assertEquals(MON_2003_10_13, first.tradeDate());
        assertEquals(FIRST_COUNTED, first.windowStart());
        assertTrue(first.windowHasGap());
        assertEquals(List.of(MON_2003_09_08), first.windowGapDays());
        // the windows starting 09-02, 09-03, 09-04 and 09-05 (closing 10-14 .. 10-17) still hold it
        assertEquals(TUE_2003_09_02, days.get(30).windowStart());
        assertEquals(FRI_2003_09_05, days.get(33).windowStart());
        assertEquals(FRI_2003_10_17, days.get(33).tradeDate());
        assertTrue(days.subList(29, 34).stream().allMatch(VwapTestDay::windowHasGap));
        // the window closing Mon 10-20 starts Tue 09-09, after the gap: no gap
        VwapTestDay after = days.get(34);
        assertEquals(MON_2003_10_20, after.tradeDate());
        assertEquals(TUE_2003_09_09, after.windowStart());
        assertFalse(after.windowHasGap());
        assertEquals(List.of(), after.windowGapDays());
        // the gap changes nothing else: 20 of the 30 counted days 08-29 .. 10-13 at 8.00
        assertEquals(20, first.windowCount());
        assertTrue(first.met());
    }

    @Test
    void aZeroVolumeVwapRowIsARowNotAGap() {
        // 09-08 has a VWAP row with volume 0: not a Trading Day (not counted), but not a data gap either
        List<VwapObservation> vwaps = new ArrayList<>(sessions(FIRST_COUNTED, pattern(21, 15)));
        VwapObservation noTrades = vwaps.get(5);
        assertEquals(MON_2003_09_08, noTrades.date());
        vwaps.set(5, new VwapObservation(noTrades.date(), noTrades.vwap(), 0L));

        List<VwapTestDay> days = run(vwaps, List.of());

        assertEquals(35, days.size()); // 36 rows, one of them not a Trading Day
        assertTrue(days.stream().noneMatch(d -> d.tradeDate().equals(MON_2003_09_08)));
        assertEquals(FIRST_COUNTED, days.get(29).windowStart()); // the same windows as with no row at all
        assertTrue(days.stream().noneMatch(VwapTestDay::windowHasGap));
    }

    @Test
    void aSessionDayInsideAnOpenTradingHaltIsNotAGap() {
        // TRADING_HALTED Mon 09-08, TRADING_RESUMED Tue 09-09 (start day in, end day out): 09-08 is halted
        List<VwapTestDay> halted = run(withoutTheSixthSessionDay(),
                List.of(new DateInterval(MON_2003_09_08, TUE_2003_09_09)));
        assertTrue(halted.stream().noneMatch(VwapTestDay::windowHasGap));

        // still halted on the as-of date (no TRADING_RESUMED yet): the same
        List<VwapTestDay> stillHalted = run(withoutTheSixthSessionDay(), List.of(DateInterval.open(MON_2003_09_08)));
        assertTrue(stillHalted.stream().noneMatch(VwapTestDay::windowHasGap));

        // TRADING_HALTED Fri 09-05, TRADING_RESUMED Mon 09-08: the resumption day is out of the halt, so a
        // 09-08 without a row is a gap, while the halted 09-05 without a row is not
        List<VwapObservation> vwaps = new ArrayList<>(withoutTheSixthSessionDay());
        assertEquals(FRI_2003_09_05, vwaps.remove(4).date());
        List<VwapTestDay> resumed = run(vwaps, List.of(new DateInterval(FRI_2003_09_05, MON_2003_09_08)));
        // 34 counted days; the 30th is Tue 10-14 (window 08-29 .. 10-14); the 33rd, Fri 10-17, has the window
        // 09-04 .. 10-17; the 34th, Mon 10-20, the window 09-09 .. 10-20
        assertEquals(34, resumed.size());
        assertEquals(TUE_2003_10_14, resumed.get(29).tradeDate());
        assertEquals(List.of(MON_2003_09_08), resumed.get(29).windowGapDays());
        assertEquals(FRI_2003_10_17, resumed.get(32).tradeDate());
        assertEquals(List.of(MON_2003_09_08), resumed.get(32).windowGapDays());
        assertEquals(TUE_2003_09_09, resumed.get(33).windowStart());
        assertFalse(resumed.get(33).windowHasGap());
    }

    @Test
    void aDayWithoutAnExchangeSessionIsNotAGap() {
        // 30 session days from Tue 2004-05-18 to Wed 2004-06-30: their window spans Memorial Day 05-31
        // and Fri 2004-06-11 (Reagan's funeral), days without a session in Strata's NYSE calendar
        assertFalse(NYSE.isSessionDay(FRI_2004_06_11));
        List<VwapTestDay> days = run(sessions(TUE_2004_05_18, pattern(30, 0)), List.of());

        assertEquals(30, days.size());
        VwapTestDay last = days.get(29);
        assertEquals(WED_2004_06_30, last.tradeDate());
        assertEquals(TUE_2004_05_18, last.windowStart());
        assertTrue(days.stream().noneMatch(d -> d.tradeDate().equals(FRI_2004_06_11)));
        assertFalse(last.windowHasGap());
    }

    @Test
    void aTestFirstMetOnAWindowWithAGapSaysSoInTheExceptionAndTheReadiness() {
        List<VwapTestDay> days = run(withoutTheSixthSessionDay(), List.of());

        Finding met = VwapTestFindings.of(instrument(ISSUE), TERMS, days, 15, AS_OF).stream()
                .filter(f -> f.code() == ExceptionCode.VWAP_TEST_MET).findFirst().orElseThrow();
        assertEquals(MON_2003_10_13, met.startDate());
        assertEquals("Mandatory Conversion VWAP test met on 2003-10-13: 20 of 30 Trading Days 2003-08-29 .. 2003-10-13"
                + " at or above the threshold (7.538000) (the window 2003-08-29 .. 2003-10-13 spans an exchange session"
                + " day without a VWAP row: 2003-09-08; a missing day below the threshold could undo it)", met.message());

        DealTerms deal = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
        RegistrationTimeline effective = new RegistrationTimeline("RRA-2002", List.of(LocalDate.parse("2002-04-30")),
                List.of(LocalDate.parse("2002-09-05")), List.of(), List.of(), List.of(), List.of());
        Readiness readiness = new MandatoryConversionReadiness(BusinessDays.newYork(), NYSE).evaluate(
                new MandatoryConversionReadiness.Inputs(deal, deal.instruments().get(0), days, effective, List.of(),
                        List.of(), true), AS_OF);
        ConditionState ii = readiness.conditions().stream().filter(c -> c.condition().equals("5(c)(ii)")).findFirst()
                .orElseThrow();
        assertEquals(State.MET, ii.state());
        assertEquals(MON_2003_10_13, ii.since());
        assertEquals("met on 2003-10-13: 20 of 30 Trading Days 2003-08-29 .. 2003-10-13 at or above the threshold"
                + " (7.538000 on 2003-10-13) (the window 2003-08-29 .. 2003-10-13 spans an exchange session day without"
                + " a VWAP row: 2003-09-08; a missing day below the threshold could undo it)", ii.evidence());
    }

    @Test
    void aTestFirstMetOnAWindowWithoutAGapSaysNothingOfGaps() {
        // the same prices with 09-08 traded: 20 x 8.00 among 08-29 .. 10-10, met on Fri 10-10, no gap
        List<VwapTestDay> days = run(sessions(FIRST_COUNTED, pattern(20, 16)), List.of());
        Finding met = VwapTestFindings.of(instrument(ISSUE), TERMS, days, 15, AS_OF).stream()
                .filter(f -> f.code() == ExceptionCode.VWAP_TEST_MET).findFirst().orElseThrow();
        assertEquals(LocalDate.parse("2003-10-10"), met.startDate());
        assertEquals("Mandatory Conversion VWAP test met on 2003-10-10: 20 of 30 Trading Days 2003-08-29 .. 2003-10-10"
                + " at or above the threshold (7.538000)", met.message());
    }
}
