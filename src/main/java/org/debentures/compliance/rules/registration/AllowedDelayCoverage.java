package org.debentures.compliance.rules.registration;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.terms.AllowedDelayLimits;

/**
 * RRA 4(f) Allowed Delay limits, as SPEC §6 states them: "for not more than five (5) consecutive
 * Business Days (or a total of not more than thirty (30) calendar days in any twelve (12) month
 * period)".
 * <ul>
 *   <li>one Allowed Delay covers at most its calendar days up to and including the fifth Business
 *       Day on or after its start day;</li>
 *   <li>taking every delay day in date order, a day within that first limit is covered only if the
 *       covered days in the window (D minus 12 months, D], D included, would be at most 30;</li>
 *   <li>Allowed Delays that start and end before the Registration Statement is first effective are
 *       ignored (sales were impossible anyway): they use no budget and leave no uncovered day;</li>
 *   <li><b>v2</b>: a delay that starts before first effectiveness and is still open on the first
 *       effective date is judged on its days from that date on, as usual, except that its five
 *       Business Days still count from its own start (SPEC §6 example: from Wednesday 2002-09-04,
 *       first effective 2002-09-05: 09-05 .. 09-10 covered, 09-11 on not).</li>
 * </ul>
 * A delay day not covered is a day sales cannot be made outside an Allowed Delay: an RRA 2(d)(B)
 * default day ({@code ALLOWED_DELAY_EXCEEDED}).
 */
public final class AllowedDelayCoverage {

    /** Covered and uncovered delay days up to the as-of date. */
    public record Result(NavigableSet<LocalDate> covered, NavigableSet<LocalDate> uncovered) {
        public Result {
            covered = Collections.unmodifiableNavigableSet(new TreeSet<>(covered));
            uncovered = Collections.unmodifiableNavigableSet(new TreeSet<>(uncovered));
        }
    }

    private final AllowedDelayLimits limits;
    private final BusinessDays businessDays;

    public AllowedDelayCoverage(AllowedDelayLimits limits, BusinessDays businessDays) {
        this.limits = limits;
        this.businessDays = businessDays;
    }

    /**
     * @param delays the agreement's Allowed Delays (start in, end out; open ones run to {@code asOf})
     * @param firstEffective the day the Registration Statement was first effective; null if never
     */
    public Result cover(List<DateInterval> delays, LocalDate firstEffective, LocalDate asOf) {
        TreeSet<LocalDate> covered = new TreeSet<>();
        TreeSet<LocalDate> uncovered = new TreeSet<>();
        if (firstEffective == null) {
            return new Result(covered, uncovered);
        }
        Deque<LocalDate> coveredInWindow = new ArrayDeque<>();
        List<DateInterval> counted = delays.stream().filter(d -> d.contains(firstEffective) || !d.start().isBefore(firstEffective))
                .sorted((a, b) -> a.start().compareTo(b.start())).toList();
        for (DateInterval delay : counted) {
            // the first limit counts from the delay's own start, also for one open on the first effective date
            LocalDate lastWithinFirstLimit = businessDays.nthBusinessDayOnOrAfter(delay.start(),
                    limits.maxConsecutiveBusinessDays());
            LocalDate endExclusive = delay.isOpen() || delay.endExclusive().isAfter(asOf.plusDays(1))
                    ? asOf.plusDays(1) : delay.endExclusive();
            LocalDate firstJudged = delay.start().isBefore(firstEffective) ? firstEffective : delay.start();
            for (LocalDate day = firstJudged; day.isBefore(endExclusive); day = day.plusDays(1)) {
                if (covered.contains(day) || uncovered.contains(day)) {
                    continue; // overlapping delays: a day counts once
                }
                LocalDate windowStartExclusive = day.minusMonths(limits.windowMonths());
                while (!coveredInWindow.isEmpty() && !coveredInWindow.peekFirst().isAfter(windowStartExclusive)) {
                    coveredInWindow.pollFirst();
                }
                boolean withinFirstLimit = !day.isAfter(lastWithinFirstLimit);
                if (withinFirstLimit && coveredInWindow.size() + 1 <= limits.maxDaysPerWindow()) {
                    covered.add(day);
                    coveredInWindow.addLast(day);
                } else {
                    uncovered.add(day);
                }
            }
        }
        return new Result(covered, uncovered);
    }
}
