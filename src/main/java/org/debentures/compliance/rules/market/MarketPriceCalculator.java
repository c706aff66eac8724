package org.debentures.compliance.rules.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.money.Rounding;

/**
 * Debenture §1 "Market Price": as of any date D, the average Closing Bid Price during the period
 * of five Trading Days immediately preceding (but not including) D; SPEC §4.
 * <ul>
 *   <li>the window is the {@code tradingDays} Trading Days of the VWAP feed before D (D excluded);</li>
 *   <li>each bid is put on D's share basis by {@link SplitAdjustment} (§4(b));</li>
 *   <li>fewer Trading Days before D, or a window day without a closing bid: no Market Price;</li>
 *   <li>the mean is rounded to six decimals half-up (SPEC §10).</li>
 * </ul>
 * A pure function of its inputs.
 */
public final class MarketPriceCalculator {

    private final int tradingDays;

    /** @param tradingDays the window length of the deal file's {@code market-price.trading-days} (5) */
    public MarketPriceCalculator(int tradingDays) {
        if (tradingDays < 1) {
            throw new IllegalArgumentException("trading-days must be at least 1: " + tradingDays);
        }
        this.tradingDays = tradingDays;
    }

    public MarketPrice marketPrice(SymbolPrices prices, SplitAdjustment adjustment, LocalDate asOf) {
        List<LocalDate> window = prices.tradingCalendar().precedingTradingDays(asOf, tradingDays);
        MarketPrice none = unavailable(prices, asOf, window);
        if (none != null) {
            return none;
        }
        List<BigDecimal> adjusted = new ArrayList<>(window.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day : window) {
            BigDecimal bid = adjustment.adjust(prices.closingBids().get(day), day, asOf);
            adjusted.add(bid);
            sum = sum.add(bid);
        }
        return new MarketPrice(prices.symbol(), asOf, Rounding.averagePrice(sum, window.size()), window, adjusted, null);
    }

    /**
     * The Market Price as of {@code asOf} when there is none (with its reason), or null when there
     * is one: what {@link #marketPrice} decides before it averages, for callers that only need to
     * know whether a day has a Market Price.
     */
    public MarketPrice unavailableOn(SymbolPrices prices, LocalDate asOf) {
        return unavailable(prices, asOf, prices.tradingCalendar().precedingTradingDays(asOf, tradingDays));
    }

    /**
     * The days of {@code [startInclusive, endInclusive]} without a Market Price: the days for which
     * {@link #unavailableOn} is not null, worked out in one pass over the Trading Days instead of a
     * window per day. A day has a Market Price when at least {@code trading-days} Trading Days
     * precede it and the last {@code trading-days} of them all have a closing bid.
     */
    public java.util.NavigableSet<LocalDate> daysWithout(SymbolPrices prices, LocalDate startInclusive,
                                                         LocalDate endInclusive) {
        org.debentures.compliance.calendar.TradingCalendar calendar = prices.tradingCalendar();
        int[] bidsEndingAt = new int[calendar.size()]; // Trading Days with a bid in a row, ending at each one
        for (int i = 0; i < bidsEndingAt.length; i++) {
            bidsEndingAt[i] = !prices.closingBids().containsKey(calendar.day(i)) ? 0 : i == 0 ? 1 : bidsEndingAt[i - 1] + 1;
        }
        java.util.NavigableSet<LocalDate> without = new java.util.TreeSet<>();
        int before = startInclusive.isAfter(endInclusive) ? 0 : calendar.countBefore(startInclusive);
        for (LocalDate day = startInclusive; !day.isAfter(endInclusive); day = day.plusDays(1)) {
            while (before < calendar.size() && calendar.day(before).isBefore(day)) {
                before++;
            }
            if (before < tradingDays || bidsEndingAt[before - 1] < tradingDays) {
                without.add(day);
            }
        }
        return without;
    }

    /** The unavailable Market Price for {@code window} (the Trading Days before {@code asOf}), or null. */
    private MarketPrice unavailable(SymbolPrices prices, LocalDate asOf, List<LocalDate> window) {
        if (window.size() < tradingDays) {
            return unavailable(prices, asOf, window, "only " + window.size() + " Trading Day(s) before "
                    + asOf + " in the VWAP feed; " + tradingDays + " needed");
        }
        List<LocalDate> missing = window.stream().filter(day -> !prices.closingBids().containsKey(day)).toList();
        if (!missing.isEmpty()) {
            return unavailable(prices, asOf, window, "no closing bid on Trading Day(s) " + missing);
        }
        return null;
    }

    private static MarketPrice unavailable(SymbolPrices prices, LocalDate asOf, List<LocalDate> window, String reason) {
        return new MarketPrice(prices.symbol(), asOf, null, window, List.of(), reason);
    }
}
