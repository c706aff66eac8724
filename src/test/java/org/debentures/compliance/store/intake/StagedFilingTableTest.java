package org.debentures.compliance.store.intake;

import static org.debentures.compliance.store.intake.IntakeRows.filing;
import static org.debentures.compliance.store.intake.IntakeRows.reject;
import static org.debentures.compliance.store.intake.IntakeRows.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.store.StoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code staged_filing}: the log's rows staged as read (in bulk on MariaDB) and read back in read
 * order with every column, resolution's outcomes (a refused row moved to the rejects), and what a
 * restarted reader and every run forget.
 */
class StagedFilingTableTest extends StoreTest {

    protected JdbcTemplate jdbc;
    private StagedFilingTable table;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("staged_filing");
        table = new StagedFilingTable(jdbc, new InputRejectTable(jdbc));
    }

    private static FilingEvent paid(String date, String amount) {
        return new FilingEvent(LocalDate.parse(date), EventType.INTEREST_PAID, "HALIFAX-2002", new BigDecimal(amount), null,
                null, null, null, null);
    }

    /** filings/b.csv line 2, then filings/a.csv lines 3 and 2 (a.csv sorts first: file order 0). */
    private void stageThreeRows() {
        table.write(List.of(
                filing("filings/b.csv", 1, 2, new FilingEvent(LocalDate.parse("2004-02-10"), EventType.CONVERSION,
                        "HALIFAX-2002", new BigDecimal("100000"), 117647L, null, new BigDecimal("0.85"), "NOC-7",
                        "holder notice", null, null, null)),
                filing("filings/a.csv", 0, 3, new FilingEvent(LocalDate.parse("2004-01-05"), EventType.PENALTY_PAID,
                        "HALIFAX-2002", new BigDecimal("100.00"), null, null, null, "WAIVER-2003-08", null, "6(d)(ix)",
                        LocalDate.parse("2003-12-31"), null)),
                filing("filings/a.csv", 0, 2, paid("2003-07-01", "62150.31"))));
    }

    @Test
    void theLogsRowsAreReadBackInReadOrderWithEveryColumn() {
        stageThreeRows();
        table.write(List.of());
        // the decimals as stored: ten places
        assertEquals(List.of(
                new Sourced<>(paid("2003-07-01", "62150.3100000000"), new RowRef("filings/a.csv", 0, 2)),
                new Sourced<>(new FilingEvent(LocalDate.parse("2004-01-05"), EventType.PENALTY_PAID, "HALIFAX-2002",
                        new BigDecimal("100.0000000000"), null, null, null, "WAIVER-2003-08", null, "6(d)(ix)",
                        LocalDate.parse("2003-12-31"), null), new RowRef("filings/a.csv", 0, 3)),
                new Sourced<>(new FilingEvent(LocalDate.parse("2004-02-10"), EventType.CONVERSION, "HALIFAX-2002",
                        new BigDecimal("100000.0000000000"), 117647L, null, new BigDecimal("0.8500000000"), "NOC-7",
                        "holder notice", null, null, null), new RowRef("filings/b.csv", 1, 2))),
                table.stagedFilings());
        assertEquals(List.of("filings/a.csv 2 2003-07-01,INTEREST_PAID,HALIFAX-2002,62150.31 ACCEPTED",
                "filings/a.csv 3 2004-01-05,PENALTY_PAID,HALIFAX-2002,100.00 ACCEPTED",
                "filings/b.csv 2 2004-02-10,CONVERSION,HALIFAX-2002,100000 ACCEPTED"), statuses());
    }

    /** {@code staged_filing} as "file line raw_line status[ note]". */
    private List<String> statuses() {
        return jdbc.query("""
                SELECT file_name, line_number, raw_line, status, status_note FROM staged_filing
                ORDER BY file_name, line_number""", (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + (rs.getString(5) == null ? "" : " " + rs.getString(5)));
    }

    @Test
    void aLargeLogIsStagedWhole() {
        // 250 rows: enough for the bulk load on MariaDB
        List<IntakeItem.StagedFiling> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(filing("filings/big.csv", 0, i + 2, paid(LocalDate.parse("2003-01-01").plusDays(i).toString(), "10.25")));
        }
        table.write(rows);
        // 250 x 10.25 = 2,562.50
        assertEquals("250 2562.5 2003-01-01 2003-09-07", jdbc.queryForObject("""
                SELECT COUNT(*), SUM(amount), MIN(event_date), MAX(event_date) FROM staged_filing
                WHERE status = 'ACCEPTED' AND shares IS NULL AND clause IS NULL""", (rs, i) -> rs.getLong(1) + " "
                + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + rs.getDate(3).toLocalDate() + " "
                + rs.getDate(4).toLocalDate()));
        assertEquals(250, table.stagedFilings().size());
    }

    @Test
    void outcomesAreRecordedAndARefusedRowIsMovedToTheRejects() {
        stageThreeRows();
        table.applyOutcomes(Map.of(new RowRef("filings/a.csv", 0, 2), new Outcome(RowStatus.ACCEPTED, null),
                new RowRef("filings/a.csv", 0, 3), new Outcome(RowStatus.DUPLICATE, "same as filings/a.csv line 2"),
                new RowRef("filings/b.csv", 1, 2), new Outcome(RowStatus.REJECTED, "a conversion of more than the principal")));

        assertEquals(List.of("filings/a.csv 2 2003-07-01,INTEREST_PAID,HALIFAX-2002,62150.31 ACCEPTED",
                "filings/a.csv 3 2004-01-05,PENALTY_PAID,HALIFAX-2002,100.00 DUPLICATE same as filings/a.csv line 2"),
                statuses());
        assertEquals(List.of("filings/b.csv 2 FILINGS 2004-02-10,CONVERSION,HALIFAX-2002,100000:"
                + " a conversion of more than the principal"), rejects(jdbc));
    }

    @Test
    void everyRunForgetsTheLogAndItsRejects() {
        stageThreeRows();
        new InputRejectTable(jdbc).write(List.of(reject("filings/a.csv", 4, "FILINGS", "x", "bad"),
                reject("vwap/a.csv", 2, "VWAP", "y", "bad")));
        table.clear();
        assertEquals(List.of(), table.stagedFilings());
        assertEquals(List.of("vwap/a.csv 2 VWAP y: bad"), rejects(jdbc));
    }

    @Test
    void aRestartedReaderForgetsTheRowsFromItsPositionOn() {
        stageThreeRows();
        table.discard(List.of(), 1);
        table.discard(List.of("filings/a.csv"), 3);
        assertEquals(List.of("filings/a.csv 2 2003-07-01,INTEREST_PAID,HALIFAX-2002,62150.31 ACCEPTED",
                "filings/b.csv 2 2004-02-10,CONVERSION,HALIFAX-2002,100000 ACCEPTED"), statuses());
        table.discard(List.of("filings/a.csv", "filings/b.csv"), 2);
        assertEquals(List.of(), statuses());
    }
}
