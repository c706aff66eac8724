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
}
