package org.debentures.compliance.store.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.debentures.compliance.store.output.ResultGenerations;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the end-of-run summary reads: the run's input counts, the rows written in its range, its exceptions, the first rejects. */
public final class RunSummaryQueries {

    /** Counts per feed: files, read, accepted, duplicate, rejected. */
    public record FeedCounts(String feed, long files, long read, long accepted, long duplicate, long rejected) {
    }

    /** Exceptions of one code that share a day with the range; how many this run opened (first saw) and closed. */
    public record ExceptionCounts(String code, String severity, long open, long closed, long openedByRun,
                                  long closedByRun) {
    }

    private static final String FEEDS = """
            SELECT feed, COUNT(*), SUM(rows_read), SUM(rows_accepted), SUM(rows_duplicate), SUM(rows_rejected)
            FROM input_file WHERE run_id = ? GROUP BY feed ORDER BY feed""";
    private static final String EXCEPTIONS = """
            SELECT code, MAX(severity), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN first_seen_run_id = ? THEN 1 ELSE 0 END),
                   SUM(CASE WHEN closed_in_run_id = ? THEN 1 ELSE 0 END)
            FROM compliance_exception
            WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)
            GROUP BY code ORDER BY code""";
    private static final String REJECTS = """
            SELECT file_name, line_number, reason FROM input_reject ORDER BY file_name, line_number""";

    private final JdbcTemplate jdbc;

    public RunSummaryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeedCounts> feeds(long runId) {
        return jdbc.query(FEEDS, (rs, i) -> new FeedCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6)), runId);
    }

    /**
     * Rows of each daily or as-of output table in the range, counted at the same time, each on its own
     * connection: the range's rows are found by date, which the tables' keys do not lead with, so each
     * count reads its whole table.
     */
    public Map<String, Long> written(LocalDate from, LocalDate to) {
        return written(from, to, Map.of());
    }

    /**
     * As {@link #written(LocalDate, LocalDate)}, of the rows of the given keys only, per key column
     * ({@code symbol}, {@code instrument_id}, {@code agreement_id}, {@code deal_id}: the deal file's):
     * those are found by key and date, without reading the whole table. A table whose key column has
     * no keys given is counted whole.
     */
    public Map<String, Long> written(LocalDate from, LocalDate to, Map<String, List<String>> keysByColumn) {
        Map<String, Future<Long>> counting = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (ExportTable table : ExportTable.values()) {
                if (table == ExportTable.INPUT_REJECT || table == ExportTable.COMPLIANCE_EXCEPTION
                        || table.ordinal() >= ExportTable.JOB_RUN.ordinal()) {
                    continue;
                }
                String keyColumn = ResultGenerations.TABLE_KEYS.get(table.table());
                List<String> keys = keyColumn == null ? null : keysByColumn.get(keyColumn);
                counting.put(table.table(), pool.submit(() -> keys == null ? table.count(jdbc, from, to)
                        : table.count(jdbc, from, to, keyColumn, keys)));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Long>> count : counting.entrySet()) {
                counts.put(count.getKey(), count.getValue().get());
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the rows written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public List<ExceptionCounts> exceptions(long runId, LocalDate from, LocalDate to) {
        return jdbc.query(EXCEPTIONS, (rs, i) -> new ExceptionCounts(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6)), runId, runId, Date.valueOf(to), Date.valueOf(from));
    }

    /** The first rejects, as "file line N: reason". */
    public List<String> firstRejects(int limit) {
        List<String> lines = new ArrayList<>();
        jdbc.query(REJECTS, rs -> {
            if (lines.size() < limit) {
                lines.add(rs.getString(1) + " line " + rs.getLong(2) + ": " + rs.getString(3));
            }
        });
        return lines;
    }
}
