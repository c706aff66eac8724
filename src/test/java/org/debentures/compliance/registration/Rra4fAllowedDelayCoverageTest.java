package org.debentures.compliance.registration;

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
}
