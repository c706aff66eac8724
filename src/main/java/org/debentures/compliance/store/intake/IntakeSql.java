package org.debentures.compliance.store.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the classes of the intake tables share: placeholder lists, lists cut into batches of at most
 * {@link #BATCH} (the size of an {@code IN} list), reading a row's origin and a filings-log row, and
 * the two steps every staged table goes through: a restarted reader's discard and resolution's outcomes.
 */
final class IntakeSql {

    /** Most values one {@code IN (...)} list is given. */
    static final int BATCH = 500;

    private IntakeSql() {
    }

    /** {@code n} JDBC placeholders, comma separated, for an {@code IN (%s)} list. */
    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** {@code items} in consecutive sub-lists of at most {@link #BATCH}, in order. */
    static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += BATCH) {
            batches.add(items.subList(i, Math.min(items.size(), i + BATCH)));
        }
        return batches;
    }

    static RowRef ref(ResultSet rs) throws SQLException {
        return new RowRef(rs.getString("file_name"), rs.getInt("file_order"), rs.getLong("line_number"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A {@code staged_filing} row (every column selected). */
    static FilingEvent filing(ResultSet rs) throws SQLException {
        return new FilingEvent(rs.getObject("event_date", LocalDate.class), EventType.valueOf(rs.getString("event_type")),
                rs.getString("subject"), rs.getBigDecimal("amount"), nullableLong(rs, "shares"),
                rs.getBigDecimal("ratio"), rs.getBigDecimal("price"), rs.getString("document"), rs.getString("note"),
                rs.getString("clause"), rs.getObject("period_end", LocalDate.class),
                rs.getObject("effective_date", LocalDate.class));
    }

    /**
     * Forgets the rows of {@code fileNames.get(0)} from line {@code fromLine} on and every row of the
     * other files, in one table.
     *
     * @param fromLineSql deletes the rows of a file ({@code file_name = ?}) from a line ({@code line_number >= ?})
     * @param fileSql     deletes the rows of a file ({@code file_name = ?})
     */
    static void discard(JdbcTemplate jdbc, String fromLineSql, String fileSql, List<String> fileNames, long fromLine) {
        if (fileNames.isEmpty()) {
            return;
        }
        List<Object[]> later = fileNames.subList(1, fileNames.size()).stream().map(name -> new Object[] {name}).toList();
        jdbc.update(fromLineSql, fileNames.get(0), fromLine);
        if (!later.isEmpty()) {
            jdbc.batchUpdate(fileSql, later);
        }
    }

    /** The SQL of one staged table that recording resolution's outcomes needs. */
    record OutcomeSql(String setStatus, String rawLines, String deleteRow) {
    }

    /**
     * Records the outcome of resolution in a staged table: new statuses, and rejected rows copied to
     * {@code input_reject} with their raw line and reason. A rejected row is then either kept with status
     * {@code REJECTED} ({@code sql.deleteRow()} null) or deleted.
     *
     * @param sql the table's statements: {@code setStatus} sets (status, status_note) of (file_name, line_number);
     *            {@code rawLines} selects (line_number, raw_line) of a file's lines {@code IN (%s)}
     */
    static void applyOutcomes(JdbcTemplate jdbc, InputRejectTable rejects, OutcomeSql sql, String feed,
                              Map<RowRef, Outcome> outcomes) {
        boolean keepRejected = sql.deleteRow() == null;
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> rejected = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        Map<RowRef, String> rawLines = rawLines(jdbc, sql.rawLines(), outcomes.entrySet().stream()
                .filter(e -> e.getValue().status() == RowStatus.REJECTED).map(Map.Entry::getKey).toList());
        for (Map.Entry<RowRef, Outcome> entry : outcomes.entrySet()) {
            RowRef ref = entry.getKey();
            Outcome outcome = entry.getValue();
            if (outcome.status() == RowStatus.REJECTED) {
                rejected.add(new Object[] {ref.fileName(), ref.line(), feed, rawLines.get(ref), outcome.note()});
                if (keepRejected) {
                    updates.add(new Object[] {outcome.status().name(), outcome.note(), ref.fileName(), ref.line()});
                } else {
                    deletes.add(new Object[] {ref.fileName(), ref.line()});
                }
            } else if (outcome.status() != RowStatus.ACCEPTED) {
                updates.add(new Object[] {outcome.status().name(), outcome.note(), ref.fileName(), ref.line()});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(sql.setStatus(), updates);
        }
        rejects.insert(rejected);
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate(sql.deleteRow(), deletes);
        }
    }

    /** The raw lines of the given rows, one query per file (and {@link #BATCH} lines). */
    private static Map<RowRef, String> rawLines(JdbcTemplate jdbc, String query, List<RowRef> refs) {
        Map<RowRef, String> lines = new HashMap<>();
        Map<String, List<RowRef>> byFile = new HashMap<>();
        refs.forEach(ref -> byFile.computeIfAbsent(ref.fileName(), k -> new ArrayList<>()).add(ref));
        byFile.forEach((file, ofFile) -> {
            for (List<RowRef> some : batches(ofFile)) {
                Map<Long, RowRef> byLine = new HashMap<>();
                some.forEach(ref -> byLine.put(ref.line(), ref));
                List<Object> args = new ArrayList<>();
                args.add(file);
                some.forEach(ref -> args.add(ref.line()));
                jdbc.query(query.formatted(placeholders(some.size())), rs -> {
                    lines.put(byLine.get(rs.getLong(1)), rs.getString(2));
                }, args.toArray());
            }
        });
        return lines;
    }
}
