package org.debentures.compliance.store.intake;

import static org.debentures.compliance.store.intake.IntakeRows.reject;
import static org.debentures.compliance.store.intake.IntakeRows.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.store.StoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code input_reject}: rejects stored as read (long lines cut), forgotten past a reader's restart point, per feed, per row. */
class InputRejectTableTest extends StoreTest {

    protected JdbcTemplate jdbc;
    private InputRejectTable table;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("input_reject");
        table = new InputRejectTable(jdbc);
    }

    @Test
    void rejectsAreStoredAsReadTheirLongLinesCutToTheColumn() {
        table.write(List.of(
                reject("vwap/a.csv", 3, "VWAP", "HALX,2004-03-01,abc,", "price 'abc' is not a number"),
                reject("filings/f.csv", 2, "FILINGS", "x".repeat(5000), "line is 5000 characters long")));
        table.write(List.of());

        // 4000 characters at most: the first 3960 and a 32-character note of the length
        assertEquals(List.of(
                "filings/f.csv 2 FILINGS " + "x".repeat(3960) + "... [truncated, 5000 characters]: line is 5000 characters long",
                "vwap/a.csv 3 VWAP HALX,2004-03-01,abc,: price 'abc' is not a number"), rejects(jdbc));
        assertEquals(3992, jdbc.queryForObject("SELECT LENGTH(raw_line) FROM input_reject WHERE feed = 'FILINGS'",
                Integer.class));
    }

    @Test
    void aRestartedReaderForgetsTheRejectsFromItsPositionOn() {
        table.write(List.of(reject("vwap/a.csv", 2, "VWAP", "a2", "bad"), reject("vwap/a.csv", 3, "VWAP", "a3", "bad"),
                reject("vwap/a.csv", 5, "VWAP", "a5", "bad"), reject("vwap/b.csv", 1, "VWAP", "b1", "bad"),
                reject("vwap/c.csv", 4, "VWAP", "c4", "bad")));

        table.discard(List.of(), 1);
        table.discard(List.of("vwap/c.csv"), 5);
        assertEquals(5, rejects(jdbc).size());

        // a.csv from line 3, all of b.csv; c.csv was not named
        table.discard(List.of("vwap/a.csv", "vwap/b.csv"), 3);
        assertEquals(List.of("vwap/a.csv 2 VWAP a2: bad", "vwap/c.csv 4 VWAP c4: bad"), rejects(jdbc));
    }

    @Test
    void aFeedsRejectsAreForgottenTogetherAndARowsAlone() {
        table.write(List.of(reject("vwap/a.csv", 2, "VWAP", "a2", "bad"),
                reject("closing_bid/a.csv", 2, "CLOSING_BID", "c2", "bad")));
        table.insert(List.of(new Object[] {"filings/f.csv", 4L, "FILINGS", "f4", "an end with no start"},
                new Object[] {"filings/f.csv", 6L, "FILINGS", "f6", "an end with no start"}));

        table.clear("VWAP");
        assertEquals(List.of("closing_bid/a.csv 2 CLOSING_BID c2: bad", "filings/f.csv 4 FILINGS f4: an end with no start",
                "filings/f.csv 6 FILINGS f6: an end with no start"), rejects(jdbc));

        table.delete(List.of(new RowRef("filings/f.csv", 0, 4)));
        assertEquals(List.of("closing_bid/a.csv 2 CLOSING_BID c2: bad", "filings/f.csv 6 FILINGS f6: an end with no start"),
                rejects(jdbc));
    }
}
