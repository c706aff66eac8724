package org.debentures.compliance.rules.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Debenture §1 "Market Price" and §4(b), as SPEC §4 and §10 state them: the average Closing Bid
 * Price of the five Trading Days immediately preceding the date (the date excluded), bids before
 * a split divided by its ratio, six decimals half-up.
 */
class Debenture1MarketPriceTest {

    private static final LocalDate WED_2004_09_01 = LocalDate.parse("2004-09-01");
    private static final LocalDate THU_2004_09_02 = LocalDate.parse("2004-09-02");
    private static final LocalDate FRI_2004_09_03 = LocalDate.parse("2004-09-03");
    private static final LocalDate TUE_2004_09_07 = LocalDate.parse("2004-09-07"); // Mon 09-06 Labor Day
    private static final LocalDate WED_2004_09_08 = LocalDate.parse("2004-09-08");
    private static final LocalDate THU_2004_09_09 = LocalDate.parse("2004-09-09");
    private static final LocalDate FRI_2004_09_10 = LocalDate.parse("2004-09-10");

    private final MarketPriceCalculator calculator = new MarketPriceCalculator(5);

    private static SymbolPrices prices(Map<LocalDate, String> bids, List<LocalDate> tradingDays,
                                       List<CorporateAction> actions) {
        Map<LocalDate, BigDecimal> closing = new LinkedHashMap<>();
        bids.forEach((d, v) -> closing.put(d, new BigDecimal(v)));
        Map<LocalDate, VwapObservation> vwaps = new LinkedHashMap<>();
        tradingDays.forEach(d -> vwaps.put(d, new VwapObservation(d, BigDecimal.ONE, 1000L)));
        return new SymbolPrices("RMTR", closing, vwaps, actions, List.of());
    }

    private static Map<LocalDate, String> spec11Example6Bids() {
        Map<LocalDate, String> bids = new LinkedHashMap<>();
        bids.put(WED_2004_09_01, "6.10");
        bids.put(THU_2004_09_02, "6.20");
        bids.put(FRI_2004_09_03, "6.30");
        bids.put(TUE_2004_09_07, "6.40");
        bids.put(WED_2004_09_08, "3.25");
        return bids;
    }

    private static final List<CorporateAction> SPLIT_2_FOR_1 = List.of(
            new CorporateAction(CorporateAction.Kind.STOCK_SPLIT, WED_2004_09_08, new BigDecimal("2")));

    @Test
    void spec11Example6SplitInsideTheWindow() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), SPLIT_2_FOR_1);

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(prices.corporateActions(), false),
                THU_2004_09_09);

        // 6.10/2 + 6.20/2 + 6.30/2 + 6.40/2 + 3.25 = 3.05 + 3.10 + 3.15 + 3.20 + 3.25 = 15.75; / 5 = 3.150000
        assertEquals(new BigDecimal("3.150000"), price.value());
        assertEquals(List.of(WED_2004_09_01, THU_2004_09_02, FRI_2004_09_03, TUE_2004_09_07, WED_2004_09_08),
                price.windowDays());
    }

    @Test
    void splitEffectiveOnTheAsOfDateDividesEveryBidOfTheWindow() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        bids.remove(WED_2004_09_08);
        bids.put(LocalDate.parse("2004-08-31"), "6.00");
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), SPLIT_2_FOR_1);

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(prices.corporateActions(), false),
                WED_2004_09_08);

        // (6.00 + 6.10 + 6.20 + 6.30 + 6.40) / 2 = 31.00 / 2 = 15.50; / 5 = 3.100000
        assertEquals(new BigDecimal("3.100000"), price.value());
    }

    @Test
    void feedAlreadyBackAdjustedDividesNothing() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), SPLIT_2_FOR_1);

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(prices.corporateActions(), true),
                THU_2004_09_09);

        // prices-split-adjusted: (6.10 + 6.20 + 6.30 + 6.40 + 3.25) / 5 = 28.25 / 5 = 5.650000
        assertEquals(new BigDecimal("5.650000"), price.value());
    }

    @Test
    void windowAcrossAHolidayTakesTheFiveTradingDaysOfTheFeed() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        bids.put(THU_2004_09_09, "3.30");
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), List.of());

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(List.of(), false), FRI_2004_09_10);

        // Labor Day 09-06 has no VWAP row: window 09-02, 09-03, 09-07, 09-08, 09-09
        // (6.20 + 6.30 + 6.40 + 3.25 + 3.30) / 5 = 25.45 / 5 = 5.090000
        assertEquals(List.of(THU_2004_09_02, FRI_2004_09_03, TUE_2004_09_07, WED_2004_09_08, THU_2004_09_09),
                price.windowDays());
        assertEquals(new BigDecimal("5.090000"), price.value());
    }

    @Test
    void aMissingBidInTheWindowMeansNoMarketPrice() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        List<LocalDate> tradingDays = List.copyOf(bids.keySet());
        bids.remove(FRI_2004_09_03);
        SymbolPrices prices = prices(bids, tradingDays, SPLIT_2_FOR_1);

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(prices.corporateActions(), false),
                THU_2004_09_09);

        assertFalse(price.isAvailable());
        assertNull(price.value());
        assertTrue(price.unavailableReason().contains("2004-09-03"), price.unavailableReason());
    }

    @Test
    void fewerThanFiveTradingDaysBeforeTheDateMeansNoMarketPrice() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), List.of());

        // before 09-08 the feed has only 09-01, 09-02, 09-03, 09-07: four Trading Days
        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(List.of(), false), WED_2004_09_08);

        assertFalse(price.isAvailable());
        assertEquals(4, price.windowDays().size());
        assertTrue(price.unavailableReason().startsWith("only 4 Trading Day(s)"), price.unavailableReason());
    }

    @Test
    void theDateItselfIsExcluded() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        bids.put(THU_2004_09_09, "100.00");
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), SPLIT_2_FOR_1);

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(prices.corporateActions(), false),
                THU_2004_09_09);

        assertEquals(new BigDecimal("3.150000"), price.value()); // 09-09's own bid of 100.00 is not used
    }

    @Test
    void reverseSplitAndStockDividendAreDividedByTheirRatios() {
        Map<LocalDate, String> bids = spec11Example6Bids();
        List<CorporateAction> actions = List.of(
                new CorporateAction(CorporateAction.Kind.STOCK_SPLIT, TUE_2004_09_07, new BigDecimal("0.1")),
                new CorporateAction(CorporateAction.Kind.STOCK_DIVIDEND, WED_2004_09_08, new BigDecimal("1.05")));
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), actions);

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(actions, false), THU_2004_09_09);

        // 1-for-10 reverse split on 09-07: bids before it / 0.1 = x 10; 5% dividend on 09-08: bids before it / 1.05
        // 09-01: 6.10 x 10 / 1.05 = 58.095238095...; 09-02: 62 / 1.05 = 59.047619047...; 09-03: 63 / 1.05 = 60
        // 09-07: 6.40 / 1.05 = 6.095238095...; 09-08: 3.25
        // sum = 58.0952380952 + 59.0476190476 + 60 + 6.0952380952 + 3.25 = 186.4880952381; / 5 = 37.297619047 -> 37.297619
        assertEquals(new BigDecimal("37.297619"), price.value());
    }

    @Test
    void roundsHalfUpToSixDecimals() {
        Map<LocalDate, String> bids = new LinkedHashMap<>();
        bids.put(WED_2004_09_01, "1.0000025");
        bids.put(THU_2004_09_02, "1");
        bids.put(FRI_2004_09_03, "1");
        bids.put(TUE_2004_09_07, "1");
        bids.put(WED_2004_09_08, "1");
        SymbolPrices prices = prices(bids, List.copyOf(bids.keySet()), List.of());

        MarketPrice price = calculator.marketPrice(prices, new SplitAdjustment(List.of(), false), THU_2004_09_09);

        // 5.0000025 / 5 = 1.0000005 -> half-up at six decimals = 1.000001
        assertEquals(new BigDecimal("1.000001"), price.value());
    }
}
