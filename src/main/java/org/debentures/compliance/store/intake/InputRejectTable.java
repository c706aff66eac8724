package org.debentures.compliance.store.intake;

import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.intake.RowRef;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of {@code input_reject}: the rows of every feed refused as read (SPEC §2), and, copied there by
 * resolution ({@link StagedPriceTable#applyOutcomes}, {@link StagedFilingTable#applyOutcomes}), the
 * staged rows it refused. Its per-file counts are read with the staged tables' ({@link StagedFileTable}).
 */
public final class InputRejectTable {

    private static final String INSERT = """
            INSERT INTO input_reject (file_name, line_number, feed, raw_line, reason)
            VALUES (?,?,?,?,?)""";
    private static final String DELETE_FROM_LINE = """
            DELETE FROM input_reject WHERE file_name = ? AND line_number >= ?""";
    private static final String DELETE_FILE = """
            DELETE FROM input_reject WHERE file_name = ?""";
    private static final String DELETE_ROW = """
            DELETE FROM input_reject WHERE file_name = ? AND line_number = ?""";
    private static final String DELETE_FEED = """
            DELETE FROM input_reject WHERE feed = ?""";

    private final JdbcTemplate jdbc;

    public InputRejectTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rows refused as read, their raw lines cut to the column's width ({@link IntakeItem#truncate}). */
    public void write(List<IntakeItem.Reject> rejects) {
        List<Object[]> rows = new ArrayList<>();
        for (IntakeItem.Reject r : rejects) {
            RowRef ref = r.ref();
            rows.add(new Object[] {ref.fileName(), ref.line(), r.feed(), IntakeItem.truncate(r.rawLine()), r.reason()});
        }
        insert(rows);
    }

    /**
     * Forgets the rejects of {@code fileNames.get(0)} from line {@code fromLine} on and of the other
     * named files: what a restarted reader is about to read again.
     */
    public void discard(List<String> fileNames, long fromLine) {
        IntakeSql.discard(jdbc, DELETE_FROM_LINE, DELETE_FILE, fileNames, fromLine);
    }

    /** Rows (file_name, line_number, feed, raw_line, reason), stored as they are. */
    void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /** Forgets the rejects of the given rows (resolution looks at their rows again). */
    void delete(List<RowRef> rows) {
        jdbc.batchUpdate(DELETE_ROW, rows.stream().map(r -> new Object[] {r.fileName(), r.line()}).toList());
    }

    /** Forgets every reject of a feed ({@code PriceFeed} name, or {@link IntakeItem#FILINGS_FEED}). */
    void clear(String feed) {
        jdbc.update(DELETE_FEED, feed);
    }
}
