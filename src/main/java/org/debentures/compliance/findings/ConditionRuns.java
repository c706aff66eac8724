package org.debentures.compliance.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns the days on which a condition holds into maximal runs (SPEC §10: one exception row per
 * maximal run of consecutive calendar days).
 *
 * <p>A condition that can only hold on some days (a price gap can only be on an exchange session
 * day) names the other days <em>neutral</em>: a run of such a condition continues across neutral
 * days, so that a gap on Friday and the next Monday is one run, and a run whose last day is
 * followed only by neutral days up to the run's last day is still open.
 */
public final class ConditionRuns {

    /** A run: its first and last condition day, and whether it reaches the as-of date. */
    public record Run(LocalDate first, LocalDate last, boolean open) {
    }

    private ConditionRuns() {
    }

    /** Runs of consecutive calendar days (no neutral days). */
    public static List<Run> runs(Collection<LocalDate> conditionDays, LocalDate asOf) {
        return runs(conditionDays, day -> false, asOf);
    }

    /**
     * Runs of {@code conditionDays} (days after {@code asOf} are ignored), where days for which
     * {@code neutral} is true neither hold nor break the condition.
     */
    public static List<Run> runs(Collection<LocalDate> conditionDays, Predicate<LocalDate> neutral, LocalDate asOf) {
        SortedSet<LocalDate> days = new TreeSet<>(conditionDays).headSet(asOf.plusDays(1));
        List<Run> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate day : days) {
            if (first != null && !onlyNeutralBetween(last, day, neutral)) {
                runs.add(new Run(first, last, false));
                first = null;
            }
            if (first == null) {
                first = day;
            }
            last = day;
        }
        if (first != null) {
            boolean open = last.equals(asOf) || onlyNeutralBetween(last, asOf.plusDays(1), neutral);
            runs.add(new Run(first, last, open));
        }
        return runs;
    }

    /**
     * The runs of the days covered by {@code intervals} ({@code [first, last]} each, inclusive; an
     * interval with {@code last} before {@code first} covers nothing): the same runs as
     * {@link #runs(Collection, LocalDate)} of every day they cover, without listing the days.
     */
    public static List<Run> runsOfIntervals(List<LocalDate[]> intervals, LocalDate asOf) {
        List<LocalDate[]> sorted = new ArrayList<>();
        for (LocalDate[] interval : intervals) {
            LocalDate last = interval[1].isAfter(asOf) ? asOf : interval[1];
            if (!last.isBefore(interval[0])) {
                sorted.add(new LocalDate[] {interval[0], last});
            }
        }
        sorted.sort((a, b) -> a[0].compareTo(b[0]));
        List<Run> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate[] interval : sorted) {
            if (first != null && interval[0].isAfter(last.plusDays(1))) {
                runs.add(new Run(first, last, false));
                first = null;
            }
            if (first == null) {
                first = interval[0];
                last = interval[1];
            } else if (interval[1].isAfter(last)) {
                last = interval[1];
            }
        }
        if (first != null) {
            runs.add(new Run(first, last, last.equals(asOf)));
        }
        return runs;
    }

    private static boolean onlyNeutralBetween(LocalDate afterDay, LocalDate beforeDay, Predicate<LocalDate> neutral) {
        for (LocalDate day = afterDay.plusDays(1); day.isBefore(beforeDay); day = day.plusDays(1)) {
            if (!neutral.test(day)) {
                return false;
            }
        }
        return true;
    }
}
