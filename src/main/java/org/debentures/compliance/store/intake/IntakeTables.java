package org.debentures.compliance.store.intake;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.Restatement;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.rules.market.PriceRestatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.BulkInsert;

/**
 * SQL of the intake tables: {@code staged_price}, {@code staged_filing}, {@code price_restatement},
 * {@code input_reject} and {@code staged_file}. A run keeps what an earlier run staged from
 * unchanged price files and reads only the others ({@code PrepareIntakeTasklet}); the filings log is
 * read in full by every run.
 */
public final class IntakeTables {

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;
    /**
     * True for the results step's tables ({@link #forTheResultsStep}): {@link #events} answers from the
     * filings log read once, {@link #restatements} from the range's corrections read once.
     */
    private final boolean readOnce;

    public IntakeTables(JdbcTemplate jdbc) {
        this(jdbc, false);
    }

    private IntakeTables(JdbcTemplate jdbc, boolean readOnce) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
        this.readOnce = readOnce;
    }

    /**
     * The same tables for the results step, which reads the staged tables without changing them and
     * asks every key's filings events and vendor corrections: those are read once (they are small
     * next to the price history, which is read symbol by symbol and never held all at once).
     */
    public IntakeTables forTheResultsStep() {
        return new IntakeTables(jdbc, true);
    }

    private Map<String, List<FilingEvent>> filingsLog;

    /**
     * The accepted filings-log events by subject, in date then read order, read at once: the log is
     * small next to the price history (a few dozen rows a deal) and every key of the results step
     * asks for its subjects' events.
     */
    private synchronized Map<String, List<FilingEvent>> filingsLog() {
        if (filingsLog == null) {
            Map<String, List<FilingEvent>> bySubject = new HashMap<>();
            jdbc.query("SELECT * FROM staged_filing WHERE status = 'ACCEPTED' ORDER BY event_date, file_order, line_number",
                    rs -> {
                        FilingEvent e = filing(rs);
                        bySubject.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e);
                    });
            filingsLog = bySubject;
        }
        return filingsLog;
    }

    /** Forgets everything staged from the files of one price feed: they are all read again. */
    public void clearPriceFeed(PriceFeed feed) {
        for (String table : List.of("staged_price", "input_reject", "price_restatement", "staged_file")) {
            jdbc.update("DELETE FROM " + table + " WHERE feed = ?", feed.name());
        }
    }

    /** Forgets the staged filings log and its rejects: it is read again by every run. */
    public void clearFilings() {
        jdbc.update("DELETE FROM staged_filing");
        jdbc.update("DELETE FROM input_reject WHERE feed = ?", IntakeItem.FILINGS_FEED);
    }

    /** A price file whose rows the intake tables hold (table {@code staged_file}). */
    public record StagedFile(String fileName, PriceFeed feed, int fileOrder, String sha256, long rowsRead,
                             long accepted, long duplicate, long rejected, long rowsStaged, long futureRows,
                             LocalDate latestDate, String windowKey) {
    }

    public List<StagedFile> stagedFiles(PriceFeed feed) {
        return jdbc.query("SELECT * FROM staged_file WHERE feed = ? ORDER BY file_order", (rs, i) -> new StagedFile(
                rs.getString("file_name"), feed, rs.getInt("file_order"), rs.getString("sha256"), rs.getLong("rows_read"),
                rs.getLong("rows_accepted"), rs.getLong("rows_duplicate"), rs.getLong("rows_rejected"), rs.getLong("rows_staged"),
                rs.getLong("future_rows"), rs.getDate("latest_date") == null ? null : rs.getDate("latest_date").toLocalDate(),
                rs.getString("window_key")), feed.name());
    }

    public void replaceStagedFiles(PriceFeed feed, List<StagedFile> files) {
        jdbc.update("DELETE FROM staged_file WHERE feed = ?", feed.name());
        jdbc.batchUpdate("INSERT INTO staged_file (file_name, feed, file_order, sha256, rows_read, rows_accepted,"
                + " rows_duplicate, rows_rejected, rows_staged, future_rows, latest_date, window_key)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                files.stream().map(f -> new Object[] {f.fileName(), feed.name(), f.fileOrder(), f.sha256(), f.rowsRead(),
                f.accepted(), f.duplicate(), f.rejected(), f.rowsStaged(), f.futureRows(),
                f.latestDate() == null ? null : Date.valueOf(f.latestDate()), f.windowKey()}).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.CHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT,
                        Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.DATE, Types.CHAR});
    }

    /** How many rows of {@code feed} the intake tables hold: [staged rows, rejects]. */
    public long[] heldRows(PriceFeed feed) {
        return new long[] {
                jdbc.queryForObject("SELECT COUNT(*) FROM staged_price WHERE feed = ?", Long.class, feed.name()),
                jdbc.queryForObject("SELECT COUNT(*) FROM input_reject WHERE feed = ?", Long.class, feed.name())};
    }

    /** Per file of {@code feed}: how many rows were refused for a date after the business date. */
    public Map<String, Long> futureRows(PriceFeed feed) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT file_name, COUNT(*) FROM input_reject WHERE feed = ? AND reason LIKE ? GROUP BY file_name",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, feed.name(), "%" + org.debentures.compliance.intake.IntakeWindow.FROM_THE_FUTURE);
        return counts;
    }

    /**
     * Forgets the intake rows (staged and rejected) of {@code fileNames.get(0)} from line
     * {@code fromLine} on and of the other named files: what a restarted reader is about to read again.
     */
    public void discard(List<String> fileNames, long fromLine) {
        if (fileNames.isEmpty()) {
            return;
        }
        List<Object[]> later = fileNames.subList(1, fileNames.size()).stream().map(name -> new Object[] {name}).toList();
        for (String table : List.of("staged_price", "staged_filing", "input_reject")) {
            jdbc.update("DELETE FROM " + table + " WHERE file_name = ? AND line_number >= ?", fileNames.get(0), fromLine);
            if (!later.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM " + table + " WHERE file_name = ?", later);
            }
        }
    }

    public void write(List<? extends IntakeItem> items) {
        List<Object[]> prices = new ArrayList<>();
        List<Object[]> filings = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        for (IntakeItem item : items) {
            RowRef ref = item.ref();
            if (item instanceof IntakeItem.StagedPrice p) {
                prices.add(new Object[] {ref.fileName(), ref.line(), ref.fileOrder(),
                        p.row().feed().name(), p.row().symbol(), p.row().date(), p.row().price(),
                        p.row().volume(), p.rawLine(), RowStatus.ACCEPTED.name()});
            } else if (item instanceof IntakeItem.StagedFiling f) {
                FilingEvent e = f.event();
                filings.add(new Object[] {ref.fileName(), ref.line(), ref.fileOrder(), e.date(),
                        e.type().name(), e.subject(), e.amount(), e.shares(), e.ratio(), e.price(), e.document(),
                        e.note(), e.clause(), e.periodEnd(), e.effectiveDate(), f.rawLine(), RowStatus.ACCEPTED.name()});
            } else if (item instanceof IntakeItem.Reject r) {
                rejects.add(new Object[] {ref.fileName(), ref.line(), r.feed(),
                        IntakeItem.truncate(r.rawLine()), r.reason()});
            }
        }
        bulk.insert("staged_price", List.of("file_name", "line_number", "file_order", "feed", "symbol", "price_date",
                "price", "volume", "raw_line", "status"), prices,
                new int[] {Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.DATE,
                        Types.DECIMAL, Types.BIGINT, Types.VARCHAR, Types.VARCHAR});
        bulk.insert("staged_filing", List.of("file_name", "line_number", "file_order", "event_date", "event_type",
                "subject", "amount", "shares", "ratio", "price", "document", "note", "clause", "period_end",
                "effective_date", "raw_line", "status"), filings,
                new int[] {Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                        Types.DECIMAL, Types.BIGINT, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR});
        insertRejects(rejects);
    }

    private void insertRejects(List<Object[]> rejects) {
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO input_reject (file_name, line_number, feed, raw_line, reason)"
                    + " VALUES (?,?,?,?,?)", rejects);
        }
    }

    /**
     * The symbol and date of every staged price row of a feed that shares them with another row of
     * the feed, per feed: one ordered scan of the index (symbol, feed, price_date, ...) for every feed
     * at once; usually there are few.
     */
    public Map<PriceFeed, List<Object[]>> repeatedPriceKeys() {
        Map<PriceFeed, List<Object[]>> keys = new java.util.EnumMap<>(PriceFeed.class);
        for (PriceFeed feed : PriceFeed.values()) {
            keys.put(feed, new ArrayList<>());
        }
        jdbc.query("SELECT feed, symbol, price_date FROM staged_price GROUP BY symbol, feed, price_date HAVING COUNT(*) > 1",
                rs -> {
                    keys.get(PriceFeed.valueOf(rs.getString(1))).add(new Object[] {rs.getString(2), rs.getDate(3)});
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
                                                            Map<PriceFeed, List<Object[]>> repeated) {
        List<Object[]> keys;
        if (readFiles == null) {
            keys = repeated.get(feed);
        } else {
            // the new files' rows (primary key prefix), each looked up in the index for another row of its key
            keys = new ArrayList<>();
            java.util.Set<List<Object>> seen = new java.util.HashSet<>();
            for (int i = 0; i < readFiles.size(); i += 500) {
                List<String> some = readFiles.subList(i, Math.min(readFiles.size(), i + 500));
                List<Object> args = new ArrayList<>(some);
                args.add(feed.name());
                jdbc.query("SELECT n.symbol, n.price_date FROM staged_price n WHERE n.file_name IN ("
                        + String.join(",", java.util.Collections.nCopies(some.size(), "?")) + ") AND n.feed = ?"
                        + " AND EXISTS (SELECT 1 FROM staged_price o WHERE o.symbol = n.symbol AND o.feed = n.feed"
                        + " AND o.price_date = n.price_date AND (o.file_name <> n.file_name OR o.line_number <> n.line_number))",
                        rs -> {
                            if (seen.add(List.of(rs.getString(1), rs.getDate(2).toLocalDate()))) {
                                keys.add(new Object[] {rs.getString(1), rs.getDate(2)});
                            }
                        }, args.toArray());
            }
        }
        List<Sourced<PriceRow>> rows = new ArrayList<>();
        List<Object[]> refs = new ArrayList<>();
        for (Object[] key : keys) {
            rows.addAll(jdbc.query("SELECT file_name, file_order, line_number, feed, symbol, price_date, price, volume"
                    + " FROM staged_price WHERE symbol = ? AND feed = ? AND price_date = ? ORDER BY file_order, line_number",
                    (rs, i) -> new Sourced<>(new PriceRow(PriceFeed.valueOf(rs.getString("feed")), rs.getString("symbol"),
                            rs.getDate("price_date").toLocalDate(), rs.getBigDecimal("price"), nullableLong(rs, "volume")),
                            ref(rs)), key[0], feed.name(), key[1]));
        }
        rows.forEach(r -> refs.add(new Object[] {r.ref().fileName(), r.ref().line()}));
        if (!refs.isEmpty()) {
            jdbc.batchUpdate("UPDATE staged_price SET status = 'ACCEPTED', status_note = NULL"
                    + " WHERE file_name = ? AND line_number = ? AND status <> 'ACCEPTED'", refs);
            jdbc.batchUpdate("DELETE FROM input_reject WHERE file_name = ? AND line_number = ?", refs);
            jdbc.batchUpdate("DELETE FROM price_restatement WHERE feed = ? AND symbol = ? AND price_date = ?",
                    keys.stream().map(k -> new Object[] {feed.name(), k[0], k[1]}).toList());
        }
        return rows;
    }

    public List<Sourced<FilingEvent>> stagedFilings() {
        return jdbc.query("SELECT * FROM staged_filing ORDER BY file_order, line_number",
                (rs, i) -> new Sourced<>(filing(rs), ref(rs)));
    }

    /**
     * Records the outcome of resolution: new statuses, and rejected rows copied to {@code input_reject}.
     * A rejected price row stays in {@code staged_price} too (status {@code REJECTED}), so that an
     * incremental intake can resolve its key again; a rejected filings row is moved.
     */
    public void applyOutcomes(String table, String feed, Map<RowRef, Outcome> outcomes) {
        boolean keepRejected = table.equals("staged_price");
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        Map<RowRef, String> rawLines = rawLines(table, outcomes.entrySet().stream()
                .filter(e -> e.getValue().status() == RowStatus.REJECTED).map(Map.Entry::getKey).toList());
        for (Map.Entry<RowRef, Outcome> entry : outcomes.entrySet()) {
            RowRef ref = entry.getKey();
            Outcome outcome = entry.getValue();
            if (outcome.status() == RowStatus.REJECTED) {
                rejects.add(new Object[] {ref.fileName(), ref.line(), feed, rawLines.get(ref), outcome.note()});
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
            jdbc.batchUpdate("UPDATE " + table + " SET status = ?, status_note = ? WHERE file_name = ? AND line_number = ?",
                    updates);
        }
        insertRejects(rejects);
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE file_name = ? AND line_number = ?", deletes);
        }
    }

    /** The raw lines of the given rows of {@code table}, one query per file (and 500 lines). */
    private Map<RowRef, String> rawLines(String table, List<RowRef> refs) {
        Map<RowRef, String> lines = new HashMap<>();
        Map<String, List<RowRef>> byFile = new HashMap<>();
        refs.forEach(ref -> byFile.computeIfAbsent(ref.fileName(), k -> new ArrayList<>()).add(ref));
        byFile.forEach((file, ofFile) -> {
            for (int i = 0; i < ofFile.size(); i += 500) {
                List<RowRef> some = ofFile.subList(i, Math.min(ofFile.size(), i + 500));
                Map<Long, RowRef> byLine = new HashMap<>();
                some.forEach(ref -> byLine.put(ref.line(), ref));
                List<Object> args = new ArrayList<>();
                args.add(file);
                some.forEach(ref -> args.add(ref.line()));
                jdbc.query("SELECT line_number, raw_line FROM " + table + " WHERE file_name = ? AND line_number IN ("
                        + String.join(",", java.util.Collections.nCopies(some.size(), "?")) + ")", rs -> {
                            lines.put(byLine.get(rs.getLong(1)), rs.getString(2));
                        }, args.toArray());
            }
        });
        return lines;
    }

    public void writeRestatements(List<Restatement> restatements) {
        List<Object[]> rows = new ArrayList<>();
        for (Restatement r : restatements) {
            PriceRow old = r.previous().row();
            rows.add(new Object[] {old.feed().name(), old.symbol(), Date.valueOf(old.date()), old.price(),
                    r.previous().ref().fileName(), r.previous().ref().line(), r.replacement().row().price(),
                    r.replacement().ref().fileName(), r.replacement().ref().line(), r.toFinding().message()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO price_restatement (feed, symbol, price_date, old_price, old_file_name,"
                    + " old_line_number, new_price, new_file_name, new_line_number, message) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    rows);
        }
    }

    /**
     * What the intake tables hold per file after resolution.
     *
     * @param counts per file: [accepted, duplicate, rejected, staged rows refused by resolution]
     * @param latestPriceDates per price file, the latest price date staged from it
     */
    public record FileCounts(Map<String, long[]> counts, Map<String, LocalDate> latestPriceDates) {
    }

    /**
     * The counts of the named files, or of every file when {@code files} is null; with the latest
     * price date of each price file, read in the same pass over the staged rows.
     */
    public FileCounts countsByFile(java.util.Collection<String> files) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, LocalDate> latest = new HashMap<>();
        List<List<String>> batches = new ArrayList<>();
        if (files == null) {
            batches.add(null);
        } else {
            List<String> all = new ArrayList<>(files);
            for (int i = 0; i < all.size(); i += 500) {
                batches.add(all.subList(i, Math.min(all.size(), i + 500)));
            }
        }
        for (List<String> batch : batches) {
            String where = batch == null ? "" : " WHERE file_name IN ("
                    + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")";
            Object[] args = batch == null ? new Object[0] : batch.toArray();
            // one count per status, grouped by file only: read in key order, with no temporary table
            StringBuilder perStatus = new StringBuilder();
            for (RowStatus status : RowStatus.values()) {
                perStatus.append(", SUM(CASE WHEN status = '").append(status.name()).append("' THEN 1 ELSE 0 END)");
            }
            for (String table : List.of("staged_price", "staged_filing")) {
                String latestDate = table.equals("staged_price") ? ", MAX(price_date)" : ", NULL";
                jdbc.query("SELECT file_name, COUNT(*)" + perStatus + latestDate + " FROM " + table + where
                        + " GROUP BY file_name", rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
                    LocalDate lastDate = rs.getObject(3 + RowStatus.values().length, LocalDate.class);
                    if (lastDate != null) {
                        latest.put(rs.getString(1), lastDate);
                    }
                    long known = 0;
                    for (RowStatus status : RowStatus.values()) {
                        long n = rs.getLong(3 + status.ordinal());
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
            jdbc.query("SELECT file_name, COUNT(*) FROM input_reject" + where + " GROUP BY file_name",
                    rs -> {
                        counts.computeIfAbsent(rs.getString(1), k -> new long[4])[2] += rs.getLong(2);
                    }, args);
        }
        return new FileCounts(counts, latest);
    }

    // --- reading what a calculator needs, as known on a run's last day -------------------------


    /** The current prices of every feed for {@code symbol} as of {@code asOf}, each feed in date order: one read. */
    public Map<PriceFeed, List<PriceRow>> currentPrices(String symbol, LocalDate asOf) {
        Map<PriceFeed, List<PriceRow>> byFeed = new java.util.EnumMap<>(PriceFeed.class);
        for (PriceFeed feed : PriceFeed.values()) {
            byFeed.put(feed, new ArrayList<>());
        }
        PriceFeed[] last = {null};
        String[] lastName = {null};
        jdbc.query("SELECT feed, price_date, price, volume FROM staged_price WHERE symbol = ? AND status = 'ACCEPTED'"
                + " AND price_date <= ? ORDER BY feed, price_date", rs -> {
                    String name = rs.getString(1);
                    if (!name.equals(lastName[0])) { // rows come feed by feed
                        last[0] = PriceFeed.valueOf(name);
                        lastName[0] = name;
                    }
                    long volume = rs.getLong(4);
                    Long nullableVolume = rs.wasNull() ? null : volume; // right after its read: wasNull is of the last column read
                    byFeed.get(last[0]).add(new PriceRow(last[0], symbol, rs.getObject(2, LocalDate.class),
                            rs.getBigDecimal(3), nullableVolume));
                }, symbol, Date.valueOf(asOf));
        return byFeed;
    }

    /** Accepted filings events of the given types about {@code subject}, dated on or before {@code asOf}, in date then read order. */
    public List<FilingEvent> events(String subject, List<EventType> types, LocalDate asOf) {
        if (readOnce) { // the results step: the whole (small) filings log, read once
            List<FilingEvent> all = filingsLog().getOrDefault(subject, List.of());
            return all.stream().filter(e -> types.contains(e.type()) && !e.date().isAfter(asOf)).toList();
        }
        List<Object> args = new ArrayList<>(List.of(subject, Date.valueOf(asOf)));
        types.forEach(t -> args.add(t.name()));
        return jdbc.query("""
                SELECT * FROM staged_filing WHERE subject = ? AND status = 'ACCEPTED' AND event_date <= ?
                AND event_type IN (%s) ORDER BY event_date, file_order, line_number"""
                .formatted(String.join(", ", java.util.Collections.nCopies(types.size(), "?"))),
                (rs, i) -> filing(rs), args.toArray());
    }

    /** The results step's vendor corrections of its range, by symbol, read once (few: corrections are rare). */
    private Map<String, List<PriceRestatement>> rangeRestatements;
    private List<LocalDate> rangeRestatementsRange;

    /**
     * The vendor corrections of {@code symbol} for price dates in {@code [from, to]}, in date then
     * feed order. The results step reads those of its range once.
     */
    public List<PriceRestatement> restatements(String symbol, LocalDate from, LocalDate to) {
        if (readOnce) {
            synchronized (this) {
                if (!List.of(from, to).equals(rangeRestatementsRange)) {
                    Map<String, List<PriceRestatement>> bySymbol = new HashMap<>();
                    jdbc.query("SELECT symbol, feed, price_date, message FROM price_restatement WHERE price_date BETWEEN ? AND ?"
                            + " ORDER BY price_date, feed, new_file_name, new_line_number", rs -> {
                                bySymbol.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PriceRestatement(
                                        rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)));
                            }, Date.valueOf(from), Date.valueOf(to));
                    rangeRestatements = bySymbol;
                    rangeRestatementsRange = List.of(from, to);
                }
                return rangeRestatements.getOrDefault(symbol, List.of());
            }
        }
        return jdbc.query("SELECT feed, price_date, message FROM price_restatement WHERE symbol = ?"
                + " AND price_date BETWEEN ? AND ? ORDER BY price_date, feed, new_file_name, new_line_number",
                (rs, i) -> new PriceRestatement(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)),
                symbol, Date.valueOf(from), Date.valueOf(to));
    }

    private static FilingEvent filing(ResultSet rs) throws SQLException {
        return new FilingEvent(rs.getObject("event_date", LocalDate.class), EventType.valueOf(rs.getString("event_type")),
                rs.getString("subject"), rs.getBigDecimal("amount"), nullableLong(rs, "shares"),
                rs.getBigDecimal("ratio"), rs.getBigDecimal("price"), rs.getString("document"), rs.getString("note"),
                rs.getString("clause"), rs.getObject("period_end", LocalDate.class),
                rs.getObject("effective_date", LocalDate.class));
    }

    private static RowRef ref(ResultSet rs) throws SQLException {
        return new RowRef(rs.getString("file_name"), rs.getInt("file_order"), rs.getLong("line_number"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
