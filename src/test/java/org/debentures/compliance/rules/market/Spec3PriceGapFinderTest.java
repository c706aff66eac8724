package org.debentures.compliance.rules.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3, §4 data gaps ({@code PRICE_MISSING}): an exchange session day with no VWAP row and no
 * trading halt, and a Trading Day without a closing bid. The first kind is also the gap of a
 * §5(c)(ii) window (SPEC §5 v2).
 */
class Spec3PriceGapFinderTest {

    private static final LocalDate MON_2004_06_07 = LocalDate.parse("2004-06-07");
    private static final LocalDate TUE_2004_06_08 = LocalDate.parse("2004-06-08");
    private static final LocalDate WED_2004_06_09 = LocalDate.parse("2004-06-09");
    private static final LocalDate THU_2004_06_10 = LocalDate.parse("2004-06-10");
    private static final LocalDate MON_2004_06_14 = LocalDate.parse("2004-06-14");
    private static final LocalDate WED_2004_06_16 = LocalDate.parse("2004-06-16");
    private static final LocalDate THU_2004_06_17 = LocalDate.parse("2004-06-17");

    private final PriceGapFinder finder = new PriceGapFinder(ExchangeSessions.nyse());

    /**
     * Mon 06-07 traded with a bid; Tue 06-08 no row; Wed 06-09 a row with volume 0 and no bid; Thu 06-10
     * traded without a bid; Fri 06-11 no session (Reagan's funeral); halted Mon 06-14, resumed Wed 06-16
     * (end day out); 06-14 .. 06-16 no rows; Thu 06-17 traded with a bid.
     */
    private static SymbolPrices week() {
        Map<LocalDate, VwapObservation> vwaps = Map.of(
                MON_2004_06_07, new VwapObservation(MON_2004_06_07, new BigDecimal("3.10"), 1000L),
                WED_2004_06_09, new VwapObservation(WED_2004_06_09, new BigDecimal("3.10"), 0L),
                THU_2004_06_10, new VwapObservation(THU_2004_06_10, new BigDecimal("3.10"), 1000L),
                THU_2004_06_17, new VwapObservation(THU_2004_06_17, new BigDecimal("3.10"), 1000L));
        Map<LocalDate, BigDecimal> bids = Map.of(MON_2004_06_07, new BigDecimal("3.05"),
                THU_2004_06_17, new BigDecimal("3.05"));
        return new SymbolPrices("RMTR", bids, vwaps, List.of(),
                List.of(new DateInterval(MON_2004_06_14, WED_2004_06_16)));
    }

    @Test
    void bothKindsOfGapInDateOrder() {
        assertEquals(List.of(
                        new PriceGap("RMTR", TUE_2004_06_08, "no VWAP row on an exchange session day"),
                        new PriceGap("RMTR", THU_2004_06_10, "no closing bid on a Trading Day"),
                        new PriceGap("RMTR", WED_2004_06_16, "no VWAP row on an exchange session day")),
                finder.gaps(week(), MON_2004_06_07, THU_2004_06_17));
    }

    @Test
    void theSessionDaysWithoutAVwapRowAreTheFirstKind() {
        SymbolPrices week = week();
        // not 06-09 (a row, volume 0), 06-11 (no session), 06-14 and 06-15 (halted)
        assertEquals(new TreeSet<>(List.of(TUE_2004_06_08, WED_2004_06_16)), finder.sessionDaysWithoutVwapRow(
                week.vwaps().keySet(), week.halts(), MON_2004_06_07, THU_2004_06_17));
        assertEquals(new TreeSet<>(List.of(WED_2004_06_16)), finder.sessionDaysWithoutVwapRow(
                week.vwaps().keySet(), week.halts(), WED_2004_06_09, WED_2004_06_16));
    }
}
