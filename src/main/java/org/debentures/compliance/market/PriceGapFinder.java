package org.debentures.compliance.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.ExchangeSessions;

/**
 * Data gaps of SPEC §3 and §4 ({@code PRICE_MISSING}):
 * <ul>
 *   <li>an exchange session day with no VWAP row that no {@code TRADING_HALTED} interval explains;</li>
 *   <li>a Trading Day (per the VWAP feed) without a closing bid.</li>
 * </ul>
 */
public final class PriceGapFinder {

    private final ExchangeSessions sessions;

    public PriceGapFinder(ExchangeSessions sessions) {
        this.sessions = sessions;
    }

    /** The gaps on the days of {@code [startInclusive, endInclusive]}, in date order. */
    public List<PriceGap> gaps(SymbolPrices prices, LocalDate startInclusive, LocalDate endInclusive) {
        List<PriceGap> gaps = new ArrayList<>();
        for (LocalDate day = startInclusive; !day.isAfter(endInclusive); day = day.plusDays(1)) {
            VwapObservation vwap = prices.vwaps().get(day);
            if (vwap == null) {
                if (sessions.isSessionDay(day) && !prices.isHalted(day)) {
                    gaps.add(new PriceGap(prices.symbol(), day, "no VWAP row on an exchange session day"));
                }
            } else if (vwap.isTradingDay() && !prices.closingBids().containsKey(day)) {
                gaps.add(new PriceGap(prices.symbol(), day, "no closing bid on a Trading Day"));
            }
        }
        return gaps;
    }
}
