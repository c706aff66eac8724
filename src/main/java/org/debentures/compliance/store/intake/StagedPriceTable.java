package org.debentures.compliance.store.intake;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.store.BulkInsert;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of {@code staged_price}: the well-formed rows of both price feeds, as read, then with the
 * status resolution gave them (duplicates and vendor corrections are decided per feed, symbol and
 * date, SPEC §2). A rejected row stays here (status {@code REJECTED}) and is copied to
 * {@code input_reject}, so that an incremental intake can resolve its key again; the key's
 * corrections are in {@code price_restatement}.
 */
public final class StagedPriceTable {

    /** A symbol and price date of one feed: the rows resolution compares. */
    public record PriceKey(String symbol, LocalDate date) {
    }

    private static final List<String> COLUMNS = List.of("file_name", "line_number", "file_order", "feed", "symbol",
            "price_date", "price", "volume", "raw_line", "status");
    private static final int[] TYPES = {Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
            Types.DATE, Types.DECIMAL, Types.BIGINT, Types.VARCHAR, Types.VARCHAR};

    private static final String REPEATED_KEYS = """
            SELECT feed, symbol, price_date FROM staged_price
            GROUP BY symbol, feed, price_date HAVING COUNT(*) > 1""";
    /** The keys of the named files' rows ({@code IN (%s)}) that another row shares. */
    private static final String REPEATED_KEYS_OF_FILES = """
            SELECT n.symbol, n.price_date FROM staged_price n
            WHERE n.file_name IN (%s) AND n.feed = ?
            AND EXISTS (SELECT 1 FROM staged_price o WHERE o.symbol = n.symbol AND o.feed = n.feed
                        AND o.price_date = n.price_date AND (o.file_name <> n.file_name OR o.line_number <> n.line_number))""";
    private static final String ROWS_OF_KEY = """
            SELECT file_name, file_order, line_number, feed, symbol, price_date, price, volume
            FROM staged_price WHERE symbol = ? AND feed = ? AND price_date = ? ORDER BY file_order, line_number""";
    private static final String RESET_STATUS = """
            UPDATE staged_price SET status = 'ACCEPTED', status_note = NULL
            WHERE file_name = ? AND line_number = ? AND status <> 'ACCEPTED'""";
    private static final String SET_STATUS = """
            UPDATE staged_price SET status = ?, status_note = ? WHERE file_name = ? AND line_number = ?""";
    /** The raw lines of a file's lines {@code IN (%s)}. */
    private static final String RAW_LINES = """
            SELECT line_number, raw_line FROM staged_price WHERE file_name = ? AND line_number IN (%s)""";
    private static final String DELETE_FROM_LINE = """
            DELETE FROM staged_price WHERE file_name = ? AND line_number >= ?""";
    private static final String DELETE_FILE = """
            DELETE FROM staged_price WHERE file_name = ?""";
    private static final String DELETE_FEED = """
            DELETE FROM staged_price WHERE feed = ?""";

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;
    private final InputRejectTable rejects;
    private final RestatementTable restatements;

    public StagedPriceTable(JdbcTemplate jdbc, InputRejectTable rejects, RestatementTable restatements) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
        this.rejects = rejects;
        this.restatements = restatements;
    }

    /** Stages well-formed price rows as read: status {@code ACCEPTED}. */
    public void write(List<IntakeItem.StagedPrice> rows) {
        List<Object[]> values = new ArrayList<>();
        for (IntakeItem.StagedPrice p : rows) {
            RowRef ref = p.ref();
            values.add(new Object[] {ref.fileName(), ref.line(), ref.fileOrder(), p.row().feed().name(), p.row().symbol(),
                    p.row().date(), p.row().price(), p.row().volume(), p.rawLine(), RowStatus.ACCEPTED.name()});
        }
        bulk.insert("staged_price", COLUMNS, values, TYPES);
    }

    /**
     * Forgets the staged rows of {@code fileNames.get(0)} from line {@code fromLine} on and of the other
     * named files: what a restarted reader is about to read again.
     */
    public void discard(List<String> fileNames, long fromLine) {
        IntakeSql.discard(jdbc, DELETE_FROM_LINE, DELETE_FILE, fileNames, fromLine);
    }

    /**
     * Forgets what was staged from the files of one price feed, to read them all again: its rows, its
     * rejects and its corrections ({@link StagedFileTable#clear} forgets the files).
     */
    public void clear(PriceFeed feed) {
        jdbc.update(DELETE_FEED, feed.name());
        rejects.clear(feed.name());
        restatements.clear(feed);
    }

    /**
     * The symbol and date of every staged price row of a feed that shares them with another row of
     * the feed, per feed: one ordered scan of the index (symbol, feed, price_date, ...) for every feed
     * at once; usually there are few.
     */
    public Map<PriceFeed, List<PriceKey>> repeatedPriceKeys() {
        Map<PriceFeed, List<PriceKey>> keys = new EnumMap<>(PriceFeed.class);
        for (PriceFeed feed : PriceFeed.values()) {
            keys.put(feed, new ArrayList<>());
        }
        jdbc.query(REPEATED_KEYS, rs -> {
            keys.get(PriceFeed.valueOf(rs.getString(1))).add(new PriceKey(rs.getString(2), rs.getDate(3).toLocalDate()));
        });
        return keys;
    }

    /**
     * The staged price rows of {@code feed} whose symbol and date occur more than once: the only rows
     * the duplicate and correction rules can change (a row alone on its date is accepted as it is).
     * With {@code readFiles}, only the keys with a row from one of those files (the files an
     * incremental intake has just read). Each key's rows are put back as read (accepted, no
     * correction, no resolution reject) so that resolving them again starts afresh.
     *
     * @param repeated the repeated keys of every feed ({@link #repeatedPriceKeys}): needed when
     *                 {@code readFiles} is null, unused otherwise
     */
    public List<Sourced<PriceRow>> stagedPricesSharingADate(PriceFeed feed, List<String> readFiles,
                                                            Map<PriceFeed, List<PriceKey>> repeated) {
        List<PriceKey> keys;
        if (readFiles == null) {
            keys = repeated.get(feed);
        } else {
            // the new files' rows (primary key prefix), each looked up in the index for another row of its key
            keys = new ArrayList<>();
            Set<PriceKey> seen = new HashSet<>();
            for (List<String> some : IntakeSql.batches(readFiles)) {
                List<Object> args = new ArrayList<>(some);
                args.add(feed.name());
                jdbc.query(REPEATED_KEYS_OF_FILES.formatted(IntakeSql.placeholders(some.size())), rs -> {
                    PriceKey key = new PriceKey(rs.getString(1), rs.getDate(2).toLocalDate());
                    if (seen.add(key)) {
                        keys.add(key);
                    }
                }, args.toArray());
            }
        }
        List<Sourced<PriceRow>> rows = new ArrayList<>();
        for (PriceKey key : keys) {
            rows.addAll(jdbc.query(ROWS_OF_KEY, (rs, i) -> new Sourced<>(new PriceRow(PriceFeed.valueOf(rs.getString("feed")),
                    rs.getString("symbol"), rs.getDate("price_date").toLocalDate(), rs.getBigDecimal("price"),
                    IntakeSql.nullableLong(rs, "volume")), IntakeSql.ref(rs)), key.symbol(), feed.name(),
                    Date.valueOf(key.date())));
        }
        if (!rows.isEmpty()) {
            List<RowRef> refs = rows.stream().map(Sourced::ref).toList();
            jdbc.batchUpdate(RESET_STATUS, refs.stream().map(r -> new Object[] {r.fileName(), r.line()}).toList());
            rejects.delete(refs);
            restatements.clear(feed, keys);
        }
        return rows;
    }

    /**
     * Records the outcome of resolution of {@code feed}'s rows: new statuses, and rejected rows copied
     * to {@code input_reject} (and kept here, status {@code REJECTED}).
     */
    public void applyOutcomes(PriceFeed feed, Map<RowRef, Outcome> outcomes) {
        IntakeSql.applyOutcomes(jdbc, rejects, new IntakeSql.OutcomeSql(SET_STATUS, RAW_LINES, null), feed.name(),
                outcomes);
    }
}
