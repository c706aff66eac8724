package org.debentures.compliance.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Debenture §1 "Trading Day": a day on which the Common Stock was bought and sold. The days come
 * from the VWAP feed (SPEC §3: a VWAP row with volume above zero, or any VWAP row where the feed
 * has no volume), never from an exchange calendar.
 *
 * <p>Immutable; look-ups are binary searches over the sorted days.
 */
public final class TradingCalendar {

    private final LocalDate[] days;

    private TradingCalendar(LocalDate[] sortedDistinctDays) {
        this.days = sortedDistinctDays;
    }

    public static TradingCalendar of(Collection<LocalDate> tradingDays) {
        return new TradingCalendar(tradingDays.stream().distinct().sorted().toArray(LocalDate[]::new));
    }

    public boolean isTradingDay(LocalDate date) {
        return Arrays.binarySearch(days, date) >= 0;
    }

    public int size() {
        return days.length;
    }

    /**
     * The {@code count} Trading Days immediately preceding {@code date}, {@code date} itself
     * excluded, oldest first. Fewer when the feed has fewer Trading Days before {@code date}.
     */
    public List<LocalDate> precedingTradingDays(LocalDate date, int count) {
        int index = Arrays.binarySearch(days, date);
        int end = index >= 0 ? index : -index - 1; // first position not before date
        int start = Math.max(0, end - count);
        return List.of(Arrays.copyOfRange(days, start, end));
    }

    /** How many Trading Days come before {@code date} ({@code date} itself excluded). */
    public int countBefore(LocalDate date) {
        int index = Arrays.binarySearch(days, date);
        return index >= 0 ? index : -index - 1;
    }

    /** The Trading Day at {@code index} (0: the first), in date order. */
    public LocalDate day(int index) {
        return days[index];
    }

    /** Every Trading Day in {@code [startInclusive, endInclusive]}, oldest first. */
    public List<LocalDate> tradingDaysBetween(LocalDate startInclusive, LocalDate endInclusive) {
        int from = Arrays.binarySearch(days, startInclusive);
        from = from >= 0 ? from : -from - 1;
        int to = Arrays.binarySearch(days, endInclusive);
        to = to >= 0 ? to + 1 : -to - 1;
        return from >= to ? List.of() : List.of(Arrays.copyOfRange(days, from, to));
    }
}
