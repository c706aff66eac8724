package org.debentures.compliance.store.intake;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.rules.market.PriceFeed;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of {@code staged_file}, the price files whose rows the intake tables hold (what the next run's
 * incremental intake compares the files with, {@code PrepareIntakeTasklet}), and the per-file counts
 * of the rows the intake tables hold ({@code staged_price}, {@code staged_filing},
 * {@code input_reject}), which reconciliation checks against what was read.
 */
public final class StagedFileTable {

    /** A price file whose rows the intake tables hold (table {@code staged_file}). */
    public record StagedFile(String fileName, PriceFeed feed, int fileOrder, String sha256, long rowsRead,
                             long accepted, long duplicate, long rejected, long rowsStaged, long futureRows,
                             LocalDate latestDate, String windowKey) {
    }

    /** How many rows of a feed the intake tables hold: staged ({@code staged_price}) and rejected ({@code input_reject}). */
    public record HeldRows(long staged, long rejected) {
    }

    /**
     * One file's rows as the intake tables hold them after resolution.
     *
     * @param accepted staged rows accepted or superseded
     * @param duplicate staged rows found duplicates
     * @param rejected the file's rows in {@code input_reject} (refused as read or by resolution)
     * @param refused staged rows refused by resolution (status {@code REJECTED}; counted in {@code rejected} too)
     */
    public record FileRows(long accepted, long duplicate, long rejected, long refused) {

        /** No rows. */
        public static final FileRows NONE = new FileRows(0, 0, 0, 0);

        /** The file's rows in its staged table: accepted, duplicate, or refused by resolution. */
        public long staged() {
            return accepted + duplicate + refused;
        }
    }

    /**
     * What the intake tables hold per file after resolution.
     *
     * @param counts per file, its rows
     * @param latestPriceDates per price file, the latest price date staged from it
     */
    public record FileCounts(Map<String, FileRows> counts, Map<String, LocalDate> latestPriceDates) {
    }

    private static final String OF_FEED = """
            SELECT * FROM staged_file WHERE feed = ? ORDER BY file_order""";
    private static final String DELETE_FEED = """
            DELETE FROM staged_file WHERE feed = ?""";
    private static final String INSERT = """
            INSERT INTO staged_file (file_name, feed, file_order, sha256, rows_read, rows_accepted, rows_duplicate,
                                     rows_rejected, rows_staged, future_rows, latest_date, window_key)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""";
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.CHAR, Types.BIGINT,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.DATE, Types.CHAR};

    private static final String STAGED_PRICES_OF_FEED = """
            SELECT COUNT(*) FROM staged_price WHERE feed = ?""";
    private static final String REJECTS_OF_FEED = """
            SELECT COUNT(*) FROM input_reject WHERE feed = ?""";
    private static final String FUTURE_ROWS = """
            SELECT file_name, COUNT(*) FROM input_reject WHERE feed = ? AND reason LIKE ? GROUP BY file_name""";

    /**
     * The statuses counted, in the order of the count columns of {@link #PRICE_COUNTS} and
     * {@link #FILING_COUNTS} (from the third); a row of another status makes the counts fail.
     */
    private static final List<RowStatus> COUNTED = List.of(RowStatus.ACCEPTED, RowStatus.SUPERSEDED,
            RowStatus.DUPLICATE, RowStatus.REJECTED);

    static {
        if (!COUNTED.equals(List.of(RowStatus.values()))) {
            throw new ExceptionInInitializerError("the per-file counts count " + COUNTED + ", not every status");
        }
    }
    /**
     * Per file: rows, rows per status, latest price date. One count per status, grouped by file only:
     * read in key order, with no temporary table. {@code %s}: nothing, or {@link #OF_FILES}.
     */
    private static final String PRICE_COUNTS = """
            SELECT file_name, COUNT(*),
                   SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'SUPERSEDED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'DUPLICATE' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END),
                   MAX(price_date)
            FROM staged_price
            %s
            GROUP BY file_name""";
    /** As {@link #PRICE_COUNTS}, of the filings log (no price date). */
    private static final String FILING_COUNTS = """
            SELECT file_name, COUNT(*),
                   SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'SUPERSEDED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'DUPLICATE' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END),
                   NULL
            FROM staged_filing
            %s
            GROUP BY file_name""";
    /** Per file: rejects. {@code %s}: nothing, or {@link #OF_FILES}. */
    private static final String REJECT_COUNTS = """
            SELECT file_name, COUNT(*) FROM input_reject
            %s
            GROUP BY file_name""";
    /** The rows of the files {@code IN (%s)}. */
    private static final String OF_FILES = """
            WHERE file_name IN (%s)""";

    private final JdbcTemplate jdbc;

    public StagedFileTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The staged files of {@code feed}, in file order. */
    public List<StagedFile> stagedFiles(PriceFeed feed) {
        return jdbc.query(OF_FEED, (rs, i) -> new StagedFile(rs.getString("file_name"), feed, rs.getInt("file_order"),
                rs.getString("sha256"), rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_duplicate"),
                rs.getLong("rows_rejected"), rs.getLong("rows_staged"), rs.getLong("future_rows"),
                rs.getDate("latest_date") == null ? null : rs.getDate("latest_date").toLocalDate(),
                rs.getString("window_key")), feed.name());
    }

    /** Replaces the staged files of {@code feed}. */
    public void replace(PriceFeed feed, List<StagedFile> files) {
        clear(feed);
        jdbc.batchUpdate(INSERT, files.stream().map(f -> new Object[] {f.fileName(), feed.name(), f.fileOrder(),
                f.sha256(), f.rowsRead(), f.accepted(), f.duplicate(), f.rejected(), f.rowsStaged(), f.futureRows(),
                f.latestDate() == null ? null : Date.valueOf(f.latestDate()), f.windowKey()}).toList(), INSERT_TYPES);
    }

    /** Forgets the staged files of {@code feed}: they are all read again. */
    public void clear(PriceFeed feed) {
        jdbc.update(DELETE_FEED, feed.name());
    }

    /** How many rows of {@code feed} the intake tables hold. */
    public HeldRows heldRows(PriceFeed feed) {
        return new HeldRows(jdbc.queryForObject(STAGED_PRICES_OF_FEED, Long.class, feed.name()),
                jdbc.queryForObject(REJECTS_OF_FEED, Long.class, feed.name()));
    }

    /** Per file of {@code feed}: how many rows were refused for a date after the business date. */
    public Map<String, Long> futureRows(PriceFeed feed) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(FUTURE_ROWS, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, feed.name(), "%" + IntakeWindow.FROM_THE_FUTURE);
        return counts;
    }

    /**
     * The counts of the named files, or of every file when {@code files} is null; with the latest
     * price date of each price file, read in the same pass over the staged rows.
     */
    public FileCounts countsByFile(Collection<String> files) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, LocalDate> latest = new HashMap<>();
        List<List<String>> batches = new ArrayList<>();
        if (files == null) {
            batches.add(null);
        } else {
            batches.addAll(IntakeSql.batches(new ArrayList<>(files)));
        }
        for (List<String> batch : batches) {
            String where = batch == null ? "" : OF_FILES.formatted(IntakeSql.placeholders(batch.size()));
            Object[] args = batch == null ? new Object[0] : batch.toArray();
            countStatuses(PRICE_COUNTS.formatted(where), "staged_price", args, counts, latest);
            countStatuses(FILING_COUNTS.formatted(where), "staged_filing", args, counts, latest);
            jdbc.query(REJECT_COUNTS.formatted(where), rs -> {
                counts.computeIfAbsent(rs.getString(1), k -> new long[4])[2] += rs.getLong(2);
            }, args);
        }
        Map<String, FileRows> rows = new HashMap<>();
        counts.forEach((file, c) -> rows.put(file, new FileRows(c[0], c[1], c[2], c[3])));
        return new FileCounts(rows, latest);
    }

    /** Adds the per-status counts of one staged table to {@code counts} ([accepted, duplicate, rejected, refused]). */
    private void countStatuses(String query, String table, Object[] args, Map<String, long[]> counts,
                               Map<String, LocalDate> latest) {
        jdbc.query(query, rs -> {
            long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
            LocalDate lastDate = rs.getObject(3 + COUNTED.size(), LocalDate.class);
            if (lastDate != null) {
                latest.put(rs.getString(1), lastDate);
            }
            long known = 0;
            for (int i = 0; i < COUNTED.size(); i++) {
                RowStatus status = COUNTED.get(i);
                long n = rs.getLong(3 + i);
                known += n;
                // a rejected staged row is counted as rejected once, by its input_reject row
                c[status == RowStatus.REJECTED ? 3 : status.countsAsAccepted() ? 0 : 1] += n;
            }
            if (known != rs.getLong(2)) {
                throw new IllegalStateException(table + " holds rows of " + rs.getString(1)
                        + " with a status this job does not know");
            }
        }, args);
    }
}
