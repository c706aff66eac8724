package org.debentures.compliance.store.intake;

import static org.debentures.compliance.store.intake.IntakeRows.filing;
import static org.debentures.compliance.store.intake.IntakeRows.price;
import static org.debentures.compliance.store.intake.IntakeRows.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.store.StoreTest;
import org.debentures.compliance.store.intake.StagedFileTable.FileRows;
import org.debentures.compliance.store.intake.StagedFileTable.HeldRows;
import org.debentures.compliance.store.intake.StagedFileTable.StagedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code staged_file} (replaced per feed, read in file order) and the per-file counts of the intake
 * tables: rows held per feed, rows from the future per file, and accepted / duplicate / rejected /
 * refused per file after resolution.
 */
class StagedFileTableTest extends StoreTest {

    private static final String FUTURE = "date 2099-01-01 is after the business date 2004-03-31: a row from the future";

    protected JdbcTemplate jdbc;
    private StagedFileTable table;
    private InputRejectTable rejects;
    private StagedPriceTable prices;
    private StagedFilingTable filings;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("staged_file");
        table = new StagedFileTable(jdbc);
        rejects = new InputRejectTable(jdbc);
        prices = new StagedPriceTable(jdbc, rejects, new RestatementTable(jdbc));
        filings = new StagedFilingTable(jdbc, rejects);
    }

    private static StagedFile file(String name, PriceFeed feed, int order, char sha, LocalDate latest) {
        return new StagedFile(name, feed, order, String.valueOf(sha).repeat(64), 120, 100, 5, 15, 110, 0, latest,
                "k".repeat(64));
    }

    @Test
    void aFeedsStagedFilesAreReplacedAndReadInFileOrder() {
        StagedFile a = file("vwap/a.csv", PriceFeed.VWAP, 0, 'a', LocalDate.parse("2004-03-31"));
        StagedFile b = new StagedFile("vwap/b.csv", PriceFeed.VWAP, 1, "b".repeat(64), 7, 3, 1, 3, 5, 2, null,
                "k".repeat(64));
        StagedFile c = file("closing_bid/c.csv", PriceFeed.CLOSING_BID, 0, 'c', LocalDate.parse("2004-02-27"));
        table.replace(PriceFeed.VWAP, List.of(b, a));
        table.replace(PriceFeed.CLOSING_BID, List.of(c));
        assertEquals(List.of(a, b), table.stagedFiles(PriceFeed.VWAP));
        assertEquals(List.of(c), table.stagedFiles(PriceFeed.CLOSING_BID));

        // a later run stages one file of the feed: the other goes, the other feed's stays
        StagedFile a2 = file("vwap/a.csv", PriceFeed.VWAP, 0, 'd', LocalDate.parse("2004-04-30"));
        table.replace(PriceFeed.VWAP, List.of(a2));
        assertEquals(List.of(a2), table.stagedFiles(PriceFeed.VWAP));
        assertEquals(List.of(c), table.stagedFiles(PriceFeed.CLOSING_BID));

        table.clear(PriceFeed.VWAP);
        assertEquals(List.of(), table.stagedFiles(PriceFeed.VWAP));
        assertEquals(List.of(c), table.stagedFiles(PriceFeed.CLOSING_BID));
    }

    @Test
    void rowsHeldPerFeedAndRowsFromTheFuturePerFile() {
        prices.write(List.of(price("vwap/a.csv", 0, 2, PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 10300L),
                price("vwap/a.csv", 0, 3, PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", null),
                price("vwap/b.csv", 1, 2, PriceFeed.VWAP, "HALX", "2004-03-03", "5.25", null),
                price("closing_bid/a.csv", 0, 2, PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "5.00", null)));
        rejects.write(List.of(reject("vwap/a.csv", 4, "VWAP", "HALX,2099-01-01,5.00,", FUTURE),
                reject("vwap/a.csv", 5, "VWAP", "HALX,2004-03-05,x,", "price 'x' is not a number"),
                reject("vwap/b.csv", 3, "VWAP", "HALX,2099-01-02,5.00,", FUTURE),
                reject("filings/f.csv", 2, "FILINGS", "2099-01-01,INTEREST_PAID,HALIFAX-2002,1", FUTURE)));

        assertEquals(new HeldRows(3, 3), table.heldRows(PriceFeed.VWAP));
        assertEquals(new HeldRows(1, 0), table.heldRows(PriceFeed.CLOSING_BID));
        assertEquals(Map.of("vwap/a.csv", 1L, "vwap/b.csv", 1L), table.futureRows(PriceFeed.VWAP));
        assertEquals(Map.of(), table.futureRows(PriceFeed.CLOSING_BID));
    }

    /**
     * vwap/a.csv: 5 staged rows (2 accepted, 1 superseded, 1 duplicate, 1 refused by resolution) and a
     * reject as read; closing_bid/c.csv: 1 accepted row; filings/f.csv: 3 staged rows (1 accepted, 1
     * duplicate, 1 refused and moved) and a reject as read; vwap/r.csv: 2 rejects only.
     */
    private void resolvedIntake() {
        prices.write(List.of(price("vwap/a.csv", 0, 2, PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", null),
                price("vwap/a.csv", 0, 3, PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", null),
                price("vwap/a.csv", 0, 4, PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", null),
                price("vwap/a.csv", 0, 5, PriceFeed.VWAP, "HALX", "2004-03-03", "5.30", null),
                price("vwap/a.csv", 0, 6, PriceFeed.VWAP, "HALX", "2004-03-04", "5.40", null),
                price("closing_bid/c.csv", 0, 2, PriceFeed.CLOSING_BID, "HALX", "2004-02-27", "5.00", null)));
        prices.applyOutcomes(PriceFeed.VWAP, Map.of(
                new RowRef("vwap/a.csv", 0, 3), new Outcome(RowStatus.SUPERSEDED, "restated"),
                new RowRef("vwap/a.csv", 0, 4), new Outcome(RowStatus.DUPLICATE, "same as line 3"),
                new RowRef("vwap/a.csv", 0, 5), new Outcome(RowStatus.REJECTED, "two values")));
        FilingEvent paid = new FilingEvent(LocalDate.parse("2003-07-01"), EventType.INTEREST_PAID, "HALIFAX-2002",
                new BigDecimal("62150.31"), null, null, null, null, null);
        filings.write(List.of(filing("filings/f.csv", 0, 2, paid), filing("filings/f.csv", 0, 3, paid),
                filing("filings/f.csv", 0, 4, paid)));
        filings.applyOutcomes(Map.of(new RowRef("filings/f.csv", 0, 3), new Outcome(RowStatus.DUPLICATE, "same as line 2"),
                new RowRef("filings/f.csv", 0, 4), new Outcome(RowStatus.REJECTED, "an end with no start")));
        rejects.write(List.of(reject("vwap/a.csv", 7, "VWAP", ",,", "blank fields"),
                reject("filings/f.csv", 5, "FILINGS", ",,", "blank fields"),
                reject("vwap/r.csv", 1, "VWAP", "when,what", "the header (line 1) is not usable"),
                reject("vwap/r.csv", 2, "VWAP", "1,2", "row of a file whose header is not usable (see line 1)")));
    }

    @Test
    void everyFilesRowsAreCountedAfterResolution() {
        resolvedIntake();
        StagedFileTable.FileCounts all = table.countsByFile(null);
        // a.csv: accepted 2 + superseded 1; rejected = the refused row's copy + the reject as read
        assertEquals(Map.of("vwap/a.csv", new FileRows(3, 1, 2, 1), "closing_bid/c.csv", new FileRows(1, 0, 0, 0),
                "filings/f.csv", new FileRows(1, 1, 2, 0), "vwap/r.csv", new FileRows(0, 0, 2, 0)), all.counts());
        assertEquals(5, all.counts().get("vwap/a.csv").staged());
        assertEquals(Map.of("vwap/a.csv", LocalDate.parse("2004-03-04"), "closing_bid/c.csv", LocalDate.parse("2004-02-27")),
                all.latestPriceDates());
    }

    @Test
    void theNamedFilesAreCountedInBatches() {
        resolvedIntake();
        // 1,200 names (three batches): f.csv in the first, a.csv in the third, the others not staged
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            names.add(i == 3 ? "filings/f.csv" : i == 1100 ? "vwap/a.csv" : "vwap/none-" + i + ".csv");
        }
        StagedFileTable.FileCounts some = table.countsByFile(names);
        assertEquals(Map.of("vwap/a.csv", new FileRows(3, 1, 2, 1), "filings/f.csv", new FileRows(1, 1, 2, 0)),
                some.counts());
        assertEquals(Map.of("vwap/a.csv", LocalDate.parse("2004-03-04")), some.latestPriceDates());
        assertEquals(Map.of(), table.countsByFile(List.of()).counts());
    }

    @Test
    void aStatusTheJobDoesNotKnowFailsTheCounts() {
        resolvedIntake();
        jdbc.update("UPDATE staged_price SET status = 'HELD' WHERE file_name = 'vwap/a.csv' AND line_number = 2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> table.countsByFile(null));
        assertEquals("staged_price holds rows of vwap/a.csv with a status this job does not know", e.getMessage());
    }
}
