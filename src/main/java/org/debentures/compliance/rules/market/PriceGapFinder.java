package org.debentures.compliance.rules.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;

/**
 * Data gaps of SPEC §3 and §4 ({@code PRICE_MISSING}):
 * <ul>
 *   <li>an exchange session day with no VWAP row that no {@code TRADING_HALTED} interval explains;</li>
 *   <li>a Trading Day (per the VWAP feed) without a closing bid.</li>
 * </ul>
 * The first kind is also what makes a §5(c)(ii) window "span a gap" (SPEC §5 v2):
 * {@link #sessionDaysWithoutVwapRow}.
 */
public final class PriceGapFinder {

    private final ExchangeSessions sessions;

    public PriceGapFinder(ExchangeSessions sessions) {
        this.sessions = sessions;
    }

    /** The gaps on the days of {@code [startInclusive, endInclusive]}, in date order. */
    public List<PriceGap> gaps(SymbolPrices prices, LocalDate startInclusive, LocalDate endInclusive) {
        NavigableSet<LocalDate> noVwapRow = sessionDaysWithoutVwapRow(prices.vwaps().keySet(), prices.halts(),
                startInclusive, endInclusive);
        List<PriceGap> gaps = new ArrayList<>();
        for (LocalDate day = startInclusive; !day.isAfter(endInclusive); day = day.plusDays(1)) {
            VwapObservation vwap = prices.vwaps().get(day);
            if (noVwapRow.contains(day)) {
                gaps.add(new PriceGap(prices.symbol(), day, "no VWAP row on an exchange session day"));
            } else if (vwap != null && vwap.isTradingDay() && !prices.closingBids().containsKey(day)) {
                gaps.add(new PriceGap(prices.symbol(), day, "no closing bid on a Trading Day"));
            }
        }
        return gaps;
    }

    /**
     * The days of {@code [startInclusive, endInclusive]} that are exchange session days with no VWAP
     * row at all (a row with volume 0 is a row) and inside no trading halt (start day in, end day
     * out; an open halt runs on): the first kind of gap of SPEC §3.
     *
     * @param vwapDates the dates that have a VWAP row
     * @param halts the symbol's {@code TRADING_HALTED} .. {@code TRADING_RESUMED} intervals
     */
    public NavigableSet<LocalDate> sessionDaysWithoutVwapRow(Set<LocalDate> vwapDates, List<DateInterval> halts,
                                                             LocalDate startInclusive, LocalDate endInclusive) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (LocalDate day = startInclusive; !day.isAfter(endInclusive); day = day.plusDays(1)) {
            if (!vwapDates.contains(day) && sessions.isSessionDay(day) && !halted(halts, day)) {
                days.add(day);
            }
        }
        return days;
    }

    private static boolean halted(List<DateInterval> halts, LocalDate day) {
        return halts.stream().anyMatch(halt -> halt.contains(day));
    }
}
