package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of Debenture 6(e)'s EBITDA targets (SPEC §12): each Target Period of {@code months}
 * months ending on one of {@code periodEnds} must have an EBITDA (the sum of its calendar quarters'
 * figures) of at least {@code target}; 6(d)(ix) when it does not.
 *
 * @param months the length of each Target Period: 3, 6 or 12 (one, two or four quarters)
 * @param periodEnds the last days of its Target Periods, calendar quarter ends in ascending order
 *                   ({@code ending-quarterly: [first, last]} in the deal file is every quarter end
 *                   from first to last, both included)
 * @param target the least EBITDA in dollars; may be negative (a loss of at most that much)
 */
public record EbitdaTarget(int months, List<LocalDate> periodEnds, BigDecimal target) {

    /** The Target Period lengths SPEC §12 knows: a quarter, two quarters, a year. */
    public static final Set<Integer> MONTHS = Set.of(3, 6, 12);

    public EbitdaTarget {
        if (!MONTHS.contains(months)) {
            throw new IllegalArgumentException("EBITDA target months must be 3, 6 or 12: " + months);
        }
        periodEnds = List.copyOf(periodEnds);
        Objects.requireNonNull(target, "target");
        if (periodEnds.isEmpty()) {
            throw new IllegalArgumentException("an EBITDA target needs at least one period end");
        }
        for (int i = 0; i < periodEnds.size(); i++) {
            if (!isQuarterEnd(periodEnds.get(i))) {
                throw new IllegalArgumentException("EBITDA target period end " + periodEnds.get(i) + " is not a quarter end");
            }
            if (i > 0 && !periodEnds.get(i).isAfter(periodEnds.get(i - 1))) {
                throw new IllegalArgumentException("EBITDA target period ends not in ascending order: " + periodEnds);
            }
        }
    }

    /** Every calendar quarter end from {@code first} to {@code last}, both included (both quarter ends). */
    public static List<LocalDate> quarterEnds(LocalDate first, LocalDate last) {
        if (!isQuarterEnd(first) || !isQuarterEnd(last) || last.isBefore(first)) {
            throw new IllegalArgumentException("not two quarter ends in order: " + first + ", " + last);
        }
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate end = first; !end.isAfter(last); end = quarterEndAfter(end)) {
            ends.add(end);
        }
        return ends;
    }

    /** A calendar quarter's last day: 31 March, 30 June, 30 September or 31 December. */
    public static boolean isQuarterEnd(LocalDate date) {
        return date.getMonthValue() % 3 == 0 && date.getDayOfMonth() == date.lengthOfMonth();
    }

    private static LocalDate quarterEndAfter(LocalDate quarterEnd) {
        LocalDate next = quarterEnd.plusMonths(3);
        return next.withDayOfMonth(next.lengthOfMonth());
    }
}
