package org.debentures.compliance.rules.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.terms.AllowedDelayLimits;
import org.junit.jupiter.api.Test;

/**
 * RRA 4(f) (SPEC §6): an Allowed Delay covers at most five consecutive Business Days from its
 * start, and at most 30 calendar days of delay are covered in any 12-month window.
 */
class Rra4fAllowedDelayCoverageTest {

    private static final AllowedDelayLimits LIMITS = new AllowedDelayLimits(5, 30, 12);
    private static final LocalDate EFFECTIVE = LocalDate.parse("2002-09-05");
    private final AllowedDelayCoverage coverage = new AllowedDelayCoverage(LIMITS, BusinessDays.newYork());

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static DateInterval delay(String start, String endExclusive) {
        return new DateInterval(d(start), d(endExclusive));
    }

    private static TreeSet<LocalDate> days(String first, String last) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate day = d(first); !day.isAfter(d(last)); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    @Test
    void spec11Example5AllowedDelayAcrossColumbusDay() {
        // starts Wed 2003-10-08, ends (sales possible again) Fri 10-17. Business Days 10-08, 10-09, 10-10,
        // 10-14 (Mon 10-13 Columbus Day), 10-15: covers 10-08 .. 10-15; 10-16 is not covered
        AllowedDelayCoverage.Result result = coverage.cover(List.of(delay("2003-10-08", "2003-10-17")), EFFECTIVE,
                d("2007-03-28"));
        assertEquals(days("2003-10-08", "2003-10-15"), result.covered());
        assertEquals(days("2003-10-16", "2003-10-16"), result.uncovered());
    }

    @Test
    void thirtyDaysInTwelveMonthsAcrossAYearEnd() {
        List<DateInterval> delays = List.of(
                delay("2003-10-08", "2003-10-17"), // 8 covered (10-08..10-15), 10-16 beyond 5 Business Days: total 8
                delay("2003-11-05", "2003-11-12"), // BDs 11-05,06,07,10,12 (11-11 Veterans Day): 7 covered: 15
                delay("2003-12-03", "2003-12-10"), // 12-03..12-09: 7 covered: 22
                delay("2004-01-07", "2004-01-14"), // 01-07..01-13: 7 covered: 29
                delay("2004-02-04", "2004-02-11"), // 02-04 makes 30; 02-05 would be 31 > 30: 02-05..02-10 uncovered
                delay("2004-10-20", "2004-10-27")); // window (2003-10-20, 2004-10-20]: 7+7+7+1 = 22 covered in it;
                                                    // + 7 (10-20..10-26, 5th BD 10-26) = 29 <= 30: all covered
        AllowedDelayCoverage.Result result = coverage.cover(delays, EFFECTIVE, d("2007-03-28"));

        TreeSet<LocalDate> uncovered = days("2003-10-16", "2003-10-16");
        uncovered.addAll(days("2004-02-05", "2004-02-10"));
        assertEquals(uncovered, result.uncovered());
        assertEquals(8 + 7 + 7 + 7 + 1 + 7, result.covered().size());
        assertEquals(true, result.covered().containsAll(days("2004-10-20", "2004-10-26")));
    }

    @Test
    void delaysBeforeFirstEffectivenessAreIgnoredAndAnOpenDelayRunsToTheAsOfDate() {
        AllowedDelayCoverage.Result before = coverage.cover(List.of(delay("2002-08-01", "2002-08-20")), EFFECTIVE,
                d("2007-03-28"));
        assertEquals(0, before.covered().size() + before.uncovered().size());

        AllowedDelayCoverage.Result open = coverage.cover(List.of(DateInterval.open(d("2003-10-08"))), EFFECTIVE,
                d("2003-10-20"));
        assertEquals(days("2003-10-08", "2003-10-15"), open.covered());
        assertEquals(days("2003-10-16", "2003-10-20"), open.uncovered());
    }

    @Test
    void spec6v2ADelayOpenOnTheFirstEffectiveDateIsJudgedFromThatDateItsFiveBusinessDaysFromItsStart() {
        // SPEC §6 v2 example: a delay from Wednesday 2002-09-04 to 2002-10-15 (end day out), first effective 09-05.
        // Its five Business Days count from its start: 09-04, 09-05, 09-06, 09-09, 09-10 -> 09-05 .. 09-10 covered
        // (6 days of budget; 09-04 is before effectiveness and uses none); 09-11 .. 10-14 = 20 + 14 = 34 days not covered
        AllowedDelayCoverage.Result result = coverage.cover(List.of(delay("2002-09-04", "2002-10-15")), EFFECTIVE,
                d("2007-03-28"));
        assertEquals(days("2002-09-05", "2002-09-10"), result.covered());
        assertEquals(days("2002-09-11", "2002-10-14"), result.uncovered());
        assertEquals(34, result.uncovered().size());
    }

    @Test
    void spec6v2MyExampleADelayStartedLongBeforeEffectivenessCoversNothingFromIt() {
        // started Thursday 2002-08-01, still open on effectiveness 09-05: its 5th Business Day (08-07) is already past,
        // so every day from 09-05 to the day before its end (09-20) is a default day; it used no budget before 09-05
        AllowedDelayCoverage.Result result = coverage.cover(List.of(delay("2002-08-01", "2002-09-20")), EFFECTIVE,
                d("2007-03-28"));
        assertEquals(new TreeSet<LocalDate>(), result.covered());
        assertEquals(days("2002-09-05", "2002-09-19"), result.uncovered());
        // one that ended on the effective date itself (end day out) was over before it: ignored
        AllowedDelayCoverage.Result ended = coverage.cover(List.of(delay("2002-08-01", "2002-09-05")), EFFECTIVE,
                d("2007-03-28"));
        assertEquals(0, ended.covered().size() + ended.uncovered().size());
    }
}
