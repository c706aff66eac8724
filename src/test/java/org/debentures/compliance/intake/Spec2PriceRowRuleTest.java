package org.debentures.compliance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.debentures.compliance.rules.market.PriceFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §2 row rules of the price feeds: one case per reject rule. */
class Spec2PriceRowRuleTest {

    private static Map<String, String> vwapRow(String symbol, String date, String vwap, String volume) {
        Map<String, String> row = new HashMap<>();
        row.put("symbol", symbol);
        row.put("date", date);
        row.put("vwap", vwap);
        row.put("volume", volume);
        return row;
    }

    @Test
    void acceptsAWellFormedRow() {
        Checked<PriceRow> checked = new PriceRowRule(PriceFeed.VWAP).check(vwapRow("RMTR", "2004-09-08", " 3.2512 ", "120500"));
        assertEquals(new PriceRow(PriceFeed.VWAP, "RMTR", LocalDate.parse("2004-09-08"), new BigDecimal("3.2512"), 120500L),
                checked.value());
    }

    @Test
    void volumeIsOptionalAndZeroVolumeIsARowButNoTradingDay() {
        PriceRow noVolume = new PriceRowRule(PriceFeed.VWAP).check(vwapRow("RMTR", "2004-09-08", "3.25", "")).value();
        assertNull(noVolume.volume());
        PriceRow zero = new PriceRowRule(PriceFeed.VWAP).check(vwapRow("RMTR", "2004-09-08", "3.25", "0")).value();
        assertEquals(0L, zero.volume());
    }

    @ParameterizedTest(name = "[{index}] {0},{1},{2},{3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            " | 2004-09-08 | 3.25 | 100 | missing symbol",
            "RMTR |  | 3.25 | 100 | missing date",
            "RMTR | 2004-09-08 |  | 100 | missing vwap",
            "RMTR | 08/09/2004 | 3.25 | 100 | date '08/09/2004' is not a date in the form yyyy-MM-dd",
            "RMTR | 2003-02-30 | 3.25 | 100 | date '2003-02-30' is not a real calendar date",
            "RMTR | 2004-09-08 | 3.25e0 | 100 | vwap '3.25e0' is not a plain decimal number",
            "RMTR | 2004-09-08 | 1,325.00 | 100 | vwap '1,325.00' is not a plain decimal number",
            "RMTR | 2004-09-08 | -3.25 | 100 | vwap -3.25 is negative",
            "RMTR | 2004-09-08 | 0 | 100 | vwap is zero; it must be above zero",
            "RMTR | 2004-09-08 | 12345678901234.5 | 100 | vwap '12345678901234.5' is too large",
            "RMTR | 2004-09-08 | 3.12345678901 | 100 | vwap '3.12345678901' has more than 10 decimal places",
            "RMTR | 2004-09-08 | 3.25 | -5 | volume -5 is negative",
            "RMTR | 2004-09-08 | 3.25 | 10.5 | volume '10.5' is not a whole number",
            "R MTR | 2004-09-08 | 3.25 | 100 | symbol 'R MTR' is not a ticker symbol",
    })
    void rejectsWithAReason(String symbol, String date, String vwap, String volume, String reason) {
        Checked<PriceRow> checked = new PriceRowRule(PriceFeed.VWAP).check(vwapRow(symbol, date, vwap, volume));
        assertNull(checked.value());
        assertTrue(checked.reason().startsWith(reason), checked.reason());
    }

    @Test
    void closingBidFeedReadsItsOwnColumn() {
        Map<String, String> row = Map.of("symbol", "RMTR", "date", "2004-09-08", "closing_bid", "3.25");
        assertEquals(new BigDecimal("3.25"), new PriceRowRule(PriceFeed.CLOSING_BID).check(row).value().price());
        Map<String, String> negative = Map.of("symbol", "RMTR", "date", "2004-09-08", "closing_bid", "-1");
        assertEquals("closing_bid -1 is negative", new PriceRowRule(PriceFeed.CLOSING_BID).check(negative).reason());
    }
}
