package org.debentures.compliance.store.intake;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.store.BulkInsert;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of {@code staged_filing}: the well-formed rows of the filings log, as read, then with the
 * status resolution gave them (duplicates, SPEC §2). A row resolution rejects is moved to
 * {@code input_reject}. The log is read in full by every run; the results step reads its accepted
 * events with {@link IntakeFacts#events}.
 */
public final class StagedFilingTable {

    private static final List<String> COLUMNS = List.of("file_name", "line_number", "file_order", "event_date",
            "event_type", "subject", "amount", "shares", "ratio", "price", "document", "note", "clause", "period_end",
            "effective_date", "raw_line", "status");
    private static final int[] TYPES = {Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.DATE, Types.VARCHAR,
            Types.VARCHAR, Types.DECIMAL, Types.BIGINT, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR};

    private static final String IN_READ_ORDER = """
            SELECT * FROM staged_filing ORDER BY file_order, line_number""";
    private static final String SET_STATUS = """
            UPDATE staged_filing SET status = ?, status_note = ? WHERE file_name = ? AND line_number = ?""";
    /** The raw lines of a file's lines {@code IN (%s)}. */
    private static final String RAW_LINES = """
            SELECT line_number, raw_line FROM staged_filing WHERE file_name = ? AND line_number IN (%s)""";
    private static final String DELETE_ROW = """
            DELETE FROM staged_filing WHERE file_name = ? AND line_number = ?""";
    private static final String DELETE_FROM_LINE = """
            DELETE FROM staged_filing WHERE file_name = ? AND line_number >= ?""";
    private static final String DELETE_FILE = """
            DELETE FROM staged_filing WHERE file_name = ?""";
    private static final String DELETE_ALL = """
            DELETE FROM staged_filing""";

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;
    private final InputRejectTable rejects;

    public StagedFilingTable(JdbcTemplate jdbc, InputRejectTable rejects) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
        this.rejects = rejects;
    }

    /** Stages well-formed filings-log rows as read: status {@code ACCEPTED}. */
    public void write(List<IntakeItem.StagedFiling> rows) {
        List<Object[]> values = new ArrayList<>();
        for (IntakeItem.StagedFiling f : rows) {
            RowRef ref = f.ref();
            FilingEvent e = f.event();
            values.add(new Object[] {ref.fileName(), ref.line(), ref.fileOrder(), e.date(), e.type().name(), e.subject(),
                    e.amount(), e.shares(), e.ratio(), e.price(), e.document(), e.note(), e.clause(), e.periodEnd(),
                    e.effectiveDate(), f.rawLine(), RowStatus.ACCEPTED.name()});
        }
        bulk.insert("staged_filing", COLUMNS, values, TYPES);
    }

    /**
     * Forgets the staged rows of {@code fileNames.get(0)} from line {@code fromLine} on and of the other
     * named files: what a restarted reader is about to read again.
     */
    public void discard(List<String> fileNames, long fromLine) {
        IntakeSql.discard(jdbc, DELETE_FROM_LINE, DELETE_FILE, fileNames, fromLine);
    }

    /** Forgets the staged filings log and its rejects: it is read again by every run. */
    public void clear() {
        jdbc.update(DELETE_ALL);
        rejects.clear(IntakeItem.FILINGS_FEED);
    }

    /** Every staged row of the log, whatever its status, in read order (file, then line). */
    public List<Sourced<FilingEvent>> stagedFilings() {
        return jdbc.query(IN_READ_ORDER, (rs, i) -> new Sourced<>(IntakeSql.filing(rs), IntakeSql.ref(rs)));
    }

    /**
     * Records the outcome of resolution of the log: new statuses, and rejected rows moved to
     * {@code input_reject} (feed {@link IntakeItem#FILINGS_FEED}).
     */
    public void applyOutcomes(Map<RowRef, Outcome> outcomes) {
        IntakeSql.applyOutcomes(jdbc, rejects, new IntakeSql.OutcomeSql(SET_STATUS, RAW_LINES, DELETE_ROW),
                IntakeItem.FILINGS_FEED, outcomes);
    }
}
