package org.debentures.compliance.store.intake;

import static org.debentures.compliance.store.intake.IntakeRows.restatementKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.Restatement;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.store.StoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code price_restatement}: a correction stored with both values, rows and message; forgotten per key or per feed. */
class RestatementTableTest extends StoreTest {

    protected JdbcTemplate jdbc;
    private RestatementTable table;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("price_restatement");
        table = new RestatementTable(jdbc);
    }

    /** {@code feed symbol date}: {@code oldPrice} on line {@code oldLine} of a.csv restated to {@code newPrice} on {@code newLine} of b.csv. */
    static Restatement restatement(PriceFeed feed, String symbol, String date, String oldPrice, long oldLine,
                                   String newPrice, long newLine, Long volume) {
        String folder = feed == PriceFeed.VWAP ? "vwap/" : "closing_bid/";
        return new Restatement(
                new Sourced<>(new PriceRow(feed, symbol, LocalDate.parse(date), new BigDecimal(oldPrice), volume),
                        new RowRef(folder + "a.csv", 0, oldLine)),
                new Sourced<>(new PriceRow(feed, symbol, LocalDate.parse(date), new BigDecimal(newPrice), volume),
                        new RowRef(folder + "b.csv", 1, newLine)));
    }

    @Test
    void aCorrectionIsStoredWithBothValuesBothRowsAndItsMessage() {
        table.write(List.of(restatement(PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 2, "5.15", 7, 10300L),
                restatement(PriceFeed.CLOSING_BID, "HALX", "2004-03-02", "4.90", 3, "4.95", 4, null)));
        table.write(List.of());

        assertEquals(List.of(
                "CLOSING_BID HALX 2004-03-02 4.9 closing_bid/a.csv 3 4.95 closing_bid/b.csv 4"
                        + " CLOSING_BID HALX 2004-03-02 restated from 4.9 (closing_bid/a.csv line 3) to 4.95 (closing_bid/b.csv line 4)",
                "VWAP HALX 2004-03-01 5.12 vwap/a.csv 2 5.15 vwap/b.csv 7 VWAP HALX 2004-03-01 restated from"
                        + " 5.12 (volume 10300) (vwap/a.csv line 2) to 5.15 (volume 10300) (vwap/b.csv line 7)"),
                jdbc.query("""
                        SELECT feed, symbol, price_date, old_price, old_file_name, old_line_number, new_price,
                               new_file_name, new_line_number, message
                        FROM price_restatement ORDER BY feed""", (rs, i) -> rs.getString(1) + " " + rs.getString(2)
                        + " " + rs.getDate(3).toLocalDate() + " " + rs.getBigDecimal(4).stripTrailingZeros().toPlainString()
                        + " " + rs.getString(5) + " " + rs.getLong(6) + " "
                        + rs.getBigDecimal(7).stripTrailingZeros().toPlainString() + " " + rs.getString(8) + " "
                        + rs.getLong(9) + " " + rs.getString(10)));
    }

    @Test
    void correctionsAreForgottenPerKeyOfAFeedOrForTheWholeFeed() {
        table.write(List.of(restatement(PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 2, "5.15", 7, null),
                restatement(PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", 3, "5.25", 8, null),
                restatement(PriceFeed.VWAP, "BRAM", "2004-03-01", "2.00", 4, "2.05", 9, null),
                restatement(PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "4.90", 3, "4.95", 4, null)));

        // HALX 2004-03-01 of the VWAP feed only: the closing bid of that key and the other keys stay
        table.clear(PriceFeed.VWAP, List.of(new StagedPriceTable.PriceKey("HALX", LocalDate.parse("2004-03-01"))));
        assertEquals(List.of("CLOSING_BID HALX 2004-03-01 closing_bid/b.csv 4", "VWAP BRAM 2004-03-01 vwap/b.csv 9",
                "VWAP HALX 2004-03-02 vwap/b.csv 8"), restatementKeys(jdbc));

        table.clear(PriceFeed.VWAP);
        assertEquals(List.of("CLOSING_BID HALX 2004-03-01 closing_bid/b.csv 4"), restatementKeys(jdbc));
    }
}
