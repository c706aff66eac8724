package org.debentures.compliance.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-screen summary a person reads at the end of a run (SPEC §9): rows read, rejected and
 * written, and the exceptions of the range by code, open and closed.
 */
public final class RunSummary {

    /** Counts per feed: files, read, accepted, duplicate, rejected. */
    public record FeedCounts(String feed, long files, long read, long accepted, long duplicate, long rejected) {
    }

    /** Exceptions of one code that share a day with the range; how many this run opened (first saw) and closed. */
    public record ExceptionCounts(String code, String severity, long open, long closed, long openedByRun,
                                  long closedByRun) {
    }

    private final JdbcTemplate jdbc;

    public RunSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeedCounts> feeds(long runId) {
        return jdbc.query("SELECT feed, COUNT(*), SUM(rows_read), SUM(rows_accepted), SUM(rows_duplicate),"
                + " SUM(rows_rejected) FROM input_file WHERE run_id = ? GROUP BY feed ORDER BY feed",
                (rs, i) -> new FeedCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)), runId);
    }

    /**
     * Rows of each §8 output table in the range. The tables are counted at the same time, each on
     * its own connection: the range's rows are found by date, which the tables' keys do not lead
     * with, so each count reads its whole table.
     */
    public Map<String, Long> written(LocalDate from, LocalDate to) {
        Map<String, java.util.concurrent.Future<Long>> counting = new LinkedHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (ExportTable table : ExportTable.values()) {
                if (table == ExportTable.INPUT_REJECT || table == ExportTable.COMPLIANCE_EXCEPTION
                        || table.ordinal() >= ExportTable.JOB_RUN.ordinal()) {
                    continue;
                }
                String sql = "SELECT COUNT(*) FROM (" + table.query().replaceAll(" ORDER BY .*$", "") + ") t";
                counting.put(table.table(), pool.submit(() -> jdbc.queryForObject(sql, Long.class, table.arguments(from, to))));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, java.util.concurrent.Future<Long>> count : counting.entrySet()) {
                counts.put(count.getKey(), count.getValue().get());
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the rows written", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public List<ExceptionCounts> exceptions(long runId, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT code, MAX(severity), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN first_seen_run_id = ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN closed_in_run_id = ? THEN 1 ELSE 0 END) FROM compliance_exception"
                + " WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?) GROUP BY code ORDER BY code",
                (rs, i) -> new ExceptionCounts(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)), runId, runId, Date.valueOf(to), Date.valueOf(from));
    }

    /** The first rejects, as "file line N: reason". */
    public List<String> firstRejects(int limit) {
        List<String> lines = new ArrayList<>();
        jdbc.query("SELECT file_name, line_number, reason FROM input_reject ORDER BY file_name, line_number", rs -> {
            if (lines.size() < limit) {
                lines.add(rs.getString(1) + " line " + rs.getLong(2) + ": " + rs.getString(3));
            }
        });
        return lines;
    }

    /** The summary as text. */
    public String render(long runId, String header, LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder();
        out.append(header).append('\n');
        out.append(String.format("%-12s %6s %8s %9s %10s %9s%n", "input", "files", "read", "accepted", "duplicate",
                "rejected"));
        long rejected = 0;
        for (FeedCounts f : feeds(runId)) {
            out.append(String.format("%-12s %6d %8d %9d %10d %9d%n", f.feed(), f.files(), f.read(), f.accepted(),
                    f.duplicate(), f.rejected()));
            rejected += f.rejected();
        }
        out.append("written for ").append(from).append(" .. ").append(to).append(':');
        written(from, to).forEach((table, n) -> out.append(' ').append(table).append('=').append(n));
        out.append('\n');
        List<ExceptionCounts> exceptions = exceptions(runId, from, to);
        out.append(exceptions.isEmpty() ? "exceptions in range: none\n"
                : "exceptions in range (runs of days)       open  closed   new this run  closed this run\n");
        for (ExceptionCounts e : exceptions) {
            out.append(String.format("  %-26s %-8s %6d  %6d   %12d  %15d%n", e.code(), e.severity(), e.open(), e.closed(),
                    e.openedByRun(), e.closedByRun()));
        }
        if (rejected > 0) {
            out.append("rejected rows: ").append(rejected).append(" (table input_reject); first:\n");
            firstRejects(5).forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }
}
