package org.debentures.compliance.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §10: one exception per maximal run of consecutive days; open when it reaches the as-of date. */
class ConditionRunsTest {

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void consecutiveCalendarDaysFormOneRun() {
        List<ConditionRuns.Run> runs = ConditionRuns.runs(
                List.of(d("2002-04-01"), d("2002-04-02"), d("2002-04-04"), d("2002-04-05")), d("2002-04-05"));
        assertEquals(List.of(new ConditionRuns.Run(d("2002-04-01"), d("2002-04-02"), false),
                new ConditionRuns.Run(d("2002-04-04"), d("2002-04-05"), true)), runs);
    }

    @Test
    void daysAfterTheAsOfDateAreNotKnown() {
        List<ConditionRuns.Run> runs = ConditionRuns.runs(List.of(d("2002-04-01"), d("2002-04-02"), d("2002-04-03")),
                d("2002-04-02"));
        assertEquals(List.of(new ConditionRuns.Run(d("2002-04-01"), d("2002-04-02"), true)), runs);
    }

    @Test
    void neutralDaysNeitherHoldNorBreakARun() {
        // a gap on Friday 2005-08-12 and Monday 2005-08-15: one run across the weekend
        var weekend = (java.util.function.Predicate<LocalDate>) day ->
                day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        List<ConditionRuns.Run> runs = ConditionRuns.runs(List.of(d("2005-08-12"), d("2005-08-15")), weekend,
                d("2005-08-20"));
        assertEquals(List.of(new ConditionRuns.Run(d("2005-08-12"), d("2005-08-15"), false)), runs);
        // the same gap with the as-of date on the Sunday after Friday's gap: still open
        assertEquals(List.of(new ConditionRuns.Run(d("2005-08-12"), d("2005-08-12"), true)),
                ConditionRuns.runs(List.of(d("2005-08-12")), weekend, d("2005-08-14")));
    }

    @Test
    void runsOfIntervalsAreTheRunsOfTheDaysTheyCover() {
        // 2(a) unpaid 2003-01-02 .. 01-10 and 01-11 .. 01-20 touch: one run; 02-01 .. (as of 02-05) open
        List<LocalDate[]> intervals = List.of(
                new LocalDate[] {LocalDate.parse("2003-01-11"), LocalDate.parse("2003-01-20")},
                new LocalDate[] {LocalDate.parse("2003-01-02"), LocalDate.parse("2003-01-10")},
                new LocalDate[] {LocalDate.parse("2003-02-01"), LocalDate.parse("2003-03-31")},
                new LocalDate[] {LocalDate.parse("2003-01-25"), LocalDate.parse("2003-01-24")}); // empty
        assertEquals(List.of(
                new ConditionRuns.Run(LocalDate.parse("2003-01-02"), LocalDate.parse("2003-01-20"), false),
                new ConditionRuns.Run(LocalDate.parse("2003-02-01"), LocalDate.parse("2003-02-05"), true)),
                ConditionRuns.runsOfIntervals(intervals, LocalDate.parse("2003-02-05")));
    }

    /** Seeded property: for random interval sets, the interval form equals the day-by-day form. */
    @Test
    void runsOfIntervalsEqualRunsOfTheirDaysForRandomIntervals() {
        java.util.Random random = new java.util.Random(20260121L);
        LocalDate base = LocalDate.parse("2004-01-01");
        for (int trial = 0; trial < 2000; trial++) {
            List<LocalDate[]> intervals = new java.util.ArrayList<>();
            java.util.Set<LocalDate> days = new java.util.HashSet<>();
            for (int k = random.nextInt(6); k > 0; k--) {
                LocalDate first = base.plusDays(random.nextInt(60));
                LocalDate last = first.plusDays(random.nextInt(15) - 2);
                intervals.add(new LocalDate[] {first, last});
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    days.add(d);
                }
            }
            LocalDate asOf = base.plusDays(random.nextInt(80));
            assertEquals(ConditionRuns.runs(days, asOf), ConditionRuns.runsOfIntervals(intervals, asOf), "trial " + trial);
        }
    }
}
