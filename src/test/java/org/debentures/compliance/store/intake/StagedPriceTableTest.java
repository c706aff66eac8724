package org.debentures.compliance.store.intake;

import static org.debentures.compliance.store.intake.IntakeRows.price;
import static org.debentures.compliance.store.intake.IntakeRows.priceStatuses;
import static org.debentures.compliance.store.intake.IntakeRows.reject;
import static org.debentures.compliance.store.intake.IntakeRows.rejects;
import static org.debentures.compliance.store.intake.IntakeRows.restatementKeys;
import static org.debentures.compliance.store.intake.RestatementTableTest.restatement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.intake.StagedPriceTable.PriceKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code staged_price}: rows staged as read (in bulk on MariaDB), the keys two rows share, those
 * keys' rows put back as read for resolution, resolution's outcomes, and what a restarted reader
 * and a feed read again in full forget.
 */
class StagedPriceTableTest extends StoreTest {

    private static final LocalDate MAR_1 = LocalDate.parse("2004-03-01");
    private static final LocalDate MAR_2 = LocalDate.parse("2004-03-02");
    private static final LocalDate MAR_5 = LocalDate.parse("2004-03-05");

    protected JdbcTemplate jdbc;
    private InputRejectTable rejects;
    private RestatementTable restatements;
    private StagedPriceTable table;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("staged_price");
        rejects = new InputRejectTable(jdbc);
        restatements = new RestatementTable(jdbc);
        table = new StagedPriceTable(jdbc, rejects, restatements);
    }

    /**
     * VWAP: HALX 03-01 in a.csv and b.csv, HALX 03-02 in a.csv and b.csv, BRAM 03-01 in a.csv only,
     * BRAM 03-03 in b.csv only, CAMB 03-05 twice in b.csv; closing bids: HALX 03-01 twice, BRAM 03-03 once.
     */
    private void stageTwoFilesOfEachFeed() {
        table.write(List.of(price("vwap/a.csv", 0, 2, PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 10300L),
                price("vwap/a.csv", 0, 3, PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", null),
                price("vwap/a.csv", 0, 4, PriceFeed.VWAP, "BRAM", "2004-03-01", "2.00", null),
                price("vwap/b.csv", 1, 2, PriceFeed.VWAP, "HALX", "2004-03-01", "5.15", 10300L),
                price("vwap/b.csv", 1, 3, PriceFeed.VWAP, "BRAM", "2004-03-03", "2.10", null),
                price("vwap/b.csv", 1, 4, PriceFeed.VWAP, "HALX", "2004-03-02", "5.21", null),
                price("vwap/b.csv", 1, 5, PriceFeed.VWAP, "CAMB", "2004-03-05", "1.00", null),
                price("vwap/b.csv", 1, 6, PriceFeed.VWAP, "CAMB", "2004-03-05", "1.00", null),
                price("closing_bid/a.csv", 0, 2, PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "5.00", null),
                price("closing_bid/a.csv", 0, 3, PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "5.00", null),
                price("closing_bid/a.csv", 0, 4, PriceFeed.CLOSING_BID, "BRAM", "2004-03-03", "1.90", null)));
    }

    private static Sourced<PriceRow> row(String file, int order, long line, String symbol, LocalDate date, String price,
                                         Long volume) {
        return new Sourced<>(new PriceRow(PriceFeed.VWAP, symbol, date, new BigDecimal(price), volume),
                new RowRef(file, order, line));
    }

    /** The rows by key, in the order they came. */
    private static Map<PriceKey, List<Sourced<PriceRow>>> byKey(List<Sourced<PriceRow>> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> new PriceKey(r.row().symbol(), r.row().date()),
                LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void rowsAreStagedAsRead() {
        // 250 rows: enough for the bulk load on MariaDB; a third without a volume
        List<IntakeItem.StagedPrice> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(price("vwap/big.csv", 3, i + 2, PriceFeed.VWAP, "HALX", LocalDate.parse("2003-01-01").plusDays(i)
                    .toString(), new BigDecimal("5.00").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i)))
                    .toPlainString(), i % 3 == 0 ? null : 1000L + i));
        }
        // a raw line with a tab and a backslash goes through the bulk load's escaping
        rows.set(1, new IntakeItem.StagedPrice(rows.get(1).ref(), "HALX,2003-01-02,5.01,1001\t\\ note", rows.get(1).row()));
        table.write(rows);
        table.write(List.of());

        // sum of prices: 250 x 5.00 + 0.01 x (0 + ... + 249) = 1,250 + 311.25; volumes: the 166 rows
        // with i not a multiple of 3, 166 x 1,000 + (31,125 - 3 x (0 + ... + 83) = 20,667)
        assertEquals("250 1561.25 166 186667", jdbc.queryForObject("""
                SELECT COUNT(*), SUM(price), COUNT(volume), SUM(volume) FROM staged_price
                WHERE status = 'ACCEPTED' AND status_note IS NULL""", (rs, i) -> rs.getLong(1) + " "
                + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + rs.getLong(3) + " " + rs.getLong(4)));
        String read = """
                SELECT file_name, line_number, file_order, feed, symbol, price_date, price, volume, raw_line
                FROM staged_price WHERE line_number IN (2, 3) ORDER BY line_number""";
        assertEquals(List.of("vwap/big.csv 2 3 VWAP HALX 2003-01-01 5.0000000000 null HALX,2003-01-01,5.00,",
                        "vwap/big.csv 3 3 VWAP HALX 2003-01-02 5.0100000000 1001 HALX,2003-01-02,5.01,1001\t\\ note"),
                jdbc.query(read, (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getInt(3) + " "
                        + rs.getString(4) + " " + rs.getString(5) + " " + rs.getDate(6).toLocalDate() + " "
                        + rs.getBigDecimal(7).toPlainString() + " " + rs.getObject(8) + " " + rs.getString(9)));
    }

    @Test
    void theKeysTwoRowsOfAFeedShare() {
        assertEquals(Map.of(PriceFeed.VWAP, List.of(), PriceFeed.CLOSING_BID, List.of()), table.repeatedPriceKeys());
        stageTwoFilesOfEachFeed();
        Map<PriceFeed, List<PriceKey>> keys = table.repeatedPriceKeys();
        // BRAM 2004-03-03 is in both feeds, once each: not repeated
        assertEquals(Set.of(new PriceKey("HALX", MAR_1), new PriceKey("HALX", MAR_2), new PriceKey("CAMB", MAR_5)),
                Set.copyOf(keys.get(PriceFeed.VWAP)));
        assertEquals(3, keys.get(PriceFeed.VWAP).size());
        assertEquals(List.of(new PriceKey("HALX", MAR_1)), keys.get(PriceFeed.CLOSING_BID));
    }

    @Test
    void theRowsOfEveryRepeatedKeyArePutBackAsRead() {
        stageTwoFilesOfEachFeed();
        // an earlier resolution: a.csv's HALX 03-01 restated by b.csv's, HALX 03-02 ambiguous (both refused),
        // a CAMB duplicate; and what it must not touch: a reject as read, a correction of a key alone in the
        // feed, the closing bids
        table.applyOutcomes(PriceFeed.VWAP, Map.of(
                new RowRef("vwap/a.csv", 0, 2), new Outcome(RowStatus.SUPERSEDED, "restated by vwap/b.csv line 2"),
                new RowRef("vwap/a.csv", 0, 3), new Outcome(RowStatus.REJECTED, "two values"),
                new RowRef("vwap/b.csv", 1, 4), new Outcome(RowStatus.REJECTED, "two values"),
                new RowRef("vwap/b.csv", 1, 6), new Outcome(RowStatus.DUPLICATE, "same as line 5")));
        table.applyOutcomes(PriceFeed.CLOSING_BID, Map.of(
                new RowRef("closing_bid/a.csv", 0, 3), new Outcome(RowStatus.DUPLICATE, "same as line 2")));
        restatements.write(List.of(restatement(PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 2, "5.15", 2, 10300L),
                restatement(PriceFeed.VWAP, "BRAM", "2004-03-01", "1.99", 3, "2.00", 4, null),
                restatement(PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "4.99", 2, "5.00", 2, null)));
        rejects.write(List.of(reject("vwap/a.csv", 9, "VWAP", "HALX,,,", "no date")));

        Map<PriceFeed, List<PriceKey>> repeated = table.repeatedPriceKeys();
        List<Sourced<PriceRow>> rows = table.stagedPricesSharingADate(PriceFeed.VWAP, null, repeated);

        // the keys in the order they were found, each key's rows in read order
        Map<PriceKey, List<Sourced<PriceRow>>> expected = new LinkedHashMap<>();
        expected.put(new PriceKey("HALX", MAR_1), List.of(row("vwap/a.csv", 0, 2, "HALX", MAR_1, "5.1200000000", 10300L),
                row("vwap/b.csv", 1, 2, "HALX", MAR_1, "5.1500000000", 10300L)));
        expected.put(new PriceKey("HALX", MAR_2), List.of(row("vwap/a.csv", 0, 3, "HALX", MAR_2, "5.2000000000", null),
                row("vwap/b.csv", 1, 4, "HALX", MAR_2, "5.2100000000", null)));
        expected.put(new PriceKey("CAMB", MAR_5), List.of(row("vwap/b.csv", 1, 5, "CAMB", MAR_5, "1.0000000000", null),
                row("vwap/b.csv", 1, 6, "CAMB", MAR_5, "1.0000000000", null)));
        List<Sourced<PriceRow>> inKeyOrder = new ArrayList<>();
        repeated.get(PriceFeed.VWAP).forEach(key -> inKeyOrder.addAll(expected.get(key)));
        assertEquals(inKeyOrder, rows);

        assertEquals(List.of("closing_bid/a.csv 2 ACCEPTED null", "closing_bid/a.csv 3 DUPLICATE same as line 2",
                "closing_bid/a.csv 4 ACCEPTED null", "vwap/a.csv 2 ACCEPTED null", "vwap/a.csv 3 ACCEPTED null", "vwap/a.csv 4 ACCEPTED null",
                "vwap/b.csv 2 ACCEPTED null", "vwap/b.csv 3 ACCEPTED null", "vwap/b.csv 4 ACCEPTED null",
                "vwap/b.csv 5 ACCEPTED null", "vwap/b.csv 6 ACCEPTED null"), priceStatuses(jdbc));
        assertEquals(List.of("vwap/a.csv 9 VWAP HALX,,,: no date"), rejects(jdbc));
        assertEquals(List.of("CLOSING_BID HALX 2004-03-01 closing_bid/b.csv 2", "VWAP BRAM 2004-03-01 vwap/b.csv 4"),
                restatementKeys(jdbc));
    }

    @Test
    void anIncrementalIntakeLooksOnlyAtTheKeysOfTheFilesItRead() {
        stageTwoFilesOfEachFeed();
        table.applyOutcomes(PriceFeed.VWAP, Map.of(new RowRef("vwap/a.csv", 0, 2), new Outcome(RowStatus.SUPERSEDED,
                "restated by vwap/b.csv line 2")));
        // b.csv among 600 names (two batches); nothing else of those is staged
        List<String> readFiles = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            readFiles.add(i == 550 ? "vwap/b.csv" : "vwap/c-" + i + ".csv");
        }
        List<Sourced<PriceRow>> rows = table.stagedPricesSharingADate(PriceFeed.VWAP, readFiles, null);

        // b.csv's keys that another row shares: HALX 03-01 and 03-02 (with a.csv), CAMB 03-05 (its two rows,
        // found once); not BRAM 03-03 (alone in the feed); their rows in read order
        Map<PriceKey, List<Sourced<PriceRow>>> expected = new HashMap<>();
        expected.put(new PriceKey("HALX", MAR_1), List.of(row("vwap/a.csv", 0, 2, "HALX", MAR_1, "5.1200000000", 10300L),
                row("vwap/b.csv", 1, 2, "HALX", MAR_1, "5.1500000000", 10300L)));
        expected.put(new PriceKey("HALX", MAR_2), List.of(row("vwap/a.csv", 0, 3, "HALX", MAR_2, "5.2000000000", null),
                row("vwap/b.csv", 1, 4, "HALX", MAR_2, "5.2100000000", null)));
        expected.put(new PriceKey("CAMB", MAR_5), List.of(row("vwap/b.csv", 1, 5, "CAMB", MAR_5, "1.0000000000", null),
                row("vwap/b.csv", 1, 6, "CAMB", MAR_5, "1.0000000000", null)));
        assertEquals(6, rows.size());
        assertEquals(expected, byKey(rows));
        assertTrue(priceStatuses(jdbc).contains("vwap/a.csv 2 ACCEPTED null"), "put back as read");

        assertEquals(List.of(), table.stagedPricesSharingADate(PriceFeed.VWAP, List.of(), null));
        assertEquals(List.of(), table.stagedPricesSharingADate(PriceFeed.CLOSING_BID, List.of("vwap/b.csv"), null));
    }

    @Test
    void outcomesAreRecordedAndARefusedRowIsKeptAndCopiedToTheRejects() {
        stageTwoFilesOfEachFeed();
        table.applyOutcomes(PriceFeed.VWAP, Map.of(
                new RowRef("vwap/a.csv", 0, 2), new Outcome(RowStatus.SUPERSEDED, "restated by vwap/b.csv line 2"),
                new RowRef("vwap/b.csv", 1, 2), new Outcome(RowStatus.ACCEPTED, null),
                new RowRef("vwap/b.csv", 1, 6), new Outcome(RowStatus.DUPLICATE, "same as line 5"),
                new RowRef("vwap/a.csv", 0, 3), new Outcome(RowStatus.REJECTED, "two values for HALX 2004-03-02")));

        assertEquals(List.of("closing_bid/a.csv 2 ACCEPTED null", "closing_bid/a.csv 3 ACCEPTED null",
                "closing_bid/a.csv 4 ACCEPTED null", "vwap/a.csv 2 SUPERSEDED restated by vwap/b.csv line 2",
                "vwap/a.csv 3 REJECTED two values for HALX 2004-03-02", "vwap/a.csv 4 ACCEPTED null",
                "vwap/b.csv 2 ACCEPTED null", "vwap/b.csv 3 ACCEPTED null", "vwap/b.csv 4 ACCEPTED null",
                "vwap/b.csv 5 ACCEPTED null", "vwap/b.csv 6 DUPLICATE same as line 5"), priceStatuses(jdbc));
        assertEquals(List.of("vwap/a.csv 3 VWAP HALX,2004-03-02,5.20,: two values for HALX 2004-03-02"), rejects(jdbc));
    }

    @Test
    void manyRefusedRowsOfOneFileKeepTheirRawLines() {
        List<IntakeItem.StagedPrice> rows = new ArrayList<>();
        Map<RowRef, Outcome> refused = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            rows.add(price("vwap/big.csv", 0, i + 2, PriceFeed.VWAP, "S" + i, "2004-03-01", "1.00", null));
            refused.put(new RowRef("vwap/big.csv", 0, i + 2), new Outcome(RowStatus.REJECTED, "two values"));
        }
        table.write(rows);
        table.applyOutcomes(PriceFeed.VWAP, refused);
        // the raw lines read in two batches (500 + 100 lines)
        assertEquals(600, jdbc.queryForObject("""
                SELECT COUNT(*) FROM input_reject r JOIN staged_price s
                ON r.file_name = s.file_name AND r.line_number = s.line_number AND r.raw_line = s.raw_line
                WHERE s.status = 'REJECTED' AND r.feed = 'VWAP' AND r.reason = 'two values'""", Integer.class));
        assertEquals("vwap/big.csv 601 VWAP S599,2004-03-01,1.00,: two values", rejects(jdbc).get(599));
    }

    @Test
    void aFeedReadAgainInFullForgetsItsRowsRejectsAndCorrections() {
        stageTwoFilesOfEachFeed();
        rejects.write(List.of(reject("vwap/a.csv", 9, "VWAP", "x", "bad"),
                reject("closing_bid/a.csv", 9, "CLOSING_BID", "x", "bad"), reject("filings/f.csv", 2, "FILINGS", "x", "bad")));
        restatements.write(List.of(restatement(PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 2, "5.15", 2, null),
                restatement(PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "4.99", 2, "5.00", 2, null)));

        table.clear(PriceFeed.VWAP);
        assertEquals(List.of("closing_bid/a.csv 2 ACCEPTED null", "closing_bid/a.csv 3 ACCEPTED null",
                "closing_bid/a.csv 4 ACCEPTED null"), priceStatuses(jdbc));
        assertEquals(List.of("closing_bid/a.csv 9 CLOSING_BID x: bad", "filings/f.csv 2 FILINGS x: bad"), rejects(jdbc));
        assertEquals(List.of("CLOSING_BID HALX 2004-03-01 closing_bid/b.csv 2"), restatementKeys(jdbc));
    }

    @Test
    void aRestartedReaderForgetsTheRowsFromItsPositionOn() {
        stageTwoFilesOfEachFeed();
        table.discard(List.of(), 1);
        // a.csv from line 3 and all of closing_bid/a.csv; b.csv was not named
        table.discard(List.of("vwap/a.csv", "closing_bid/a.csv"), 3);
        assertEquals(List.of("vwap/a.csv 2 ACCEPTED null", "vwap/b.csv 2 ACCEPTED null", "vwap/b.csv 3 ACCEPTED null",
                "vwap/b.csv 4 ACCEPTED null", "vwap/b.csv 5 ACCEPTED null", "vwap/b.csv 6 ACCEPTED null"),
                priceStatuses(jdbc));
    }
}
