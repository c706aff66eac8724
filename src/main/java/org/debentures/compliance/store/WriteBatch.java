package org.debentures.compliance.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of the results transaction, queued and sent to the database together instead of a
 * few statements per key: replacing one instrument's rows takes a dozen statements, and a thousand
 * instruments one at a time spend most of a run waiting on round trips.
 *
 * <p>Every write of this job replaces rows: it deletes a key's rows and inserts the new ones. The
 * writes are queued per table, and a table's queue is sent as a whole: every queued delete of the
 * table (the deletes of many keys by one condition as one {@code IN} statement per few hundred
 * keys, others as one JDBC batch per statement), then every queued insert (bulk-loaded when large).
 * Deleting all before inserting any is what running the keys one after another would give, because
 * no key's delete matches another key's rows; and no statement touches two tables, so the tables
 * may be sent at different times. {@link #flush} sends every table; {@link #sendLargeTables} only
 * those with many rows queued, so that a small table's rows go in a few statements per run instead
 * of a few per flush. A caller that reads rows it may also have queued writes for flushes first
 * ({@link #flushes} tells whether a flush came since it queued them).
 *
 * <p>Not thread-safe: used by the thread that owns the transaction.
 */
public final class WriteBatch {

    private record Insert(List<String> columns, int[] types, List<Object[]> rows) {
    }

    /** The queued writes of one table. */
    private static final class TableQueue {
        /** Plain deletes: per statement, the arguments of each execution. */
        final Map<String, List<Object[]>> deletes = new LinkedHashMap<>();
        /** Deletes by key: per key column and condition, the keys per condition arguments. */
        final Map<List<String>, Map<List<Object>, List<Object>>> keyedDeletes = new LinkedHashMap<>();
        /** Per column list, the rows to insert. */
        final Map<List<String>, Insert> inserts = new LinkedHashMap<>();
        int pending;
    }

    /** Keys named in one {@code IN} list: below MariaDB's conversion of long lists to a subquery (1,000). */
    private static final int KEYS_PER_DELETE = 500;

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;
    private final Map<String, TableQueue> tables = new LinkedHashMap<>();
    private int pendingRows;
    private long flushes;
    /** Tables that held no rows when the transaction began and whose keys this run writes once ({@link #skipDeletesWhileEmpty}). */
    private final Set<String> emptyAtStart = new HashSet<>();
    /** Of the tables of {@link #emptyAtStart}, the table and key of each delete asked for. */
    private final Set<List<Object>> keysDeleted = new HashSet<>();
    /** Per table and kind of write: nanoseconds spent sending, rows inserted, statements sent. */
    private final Map<String, long[]> sendTimes = new TreeMap<>();

    public WriteBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
    }

    /** Queues a {@code DELETE FROM table ...} statement with its arguments. */
    public void delete(String sql, Object... args) {
        String[] words = sql.trim().split("\\s+", 4);
        if (words.length < 3 || !words[0].equalsIgnoreCase("DELETE") || !words[1].equalsIgnoreCase("FROM")) {
            throw new IllegalArgumentException("not a DELETE FROM statement: " + sql);
        }
        TableQueue queue = queue(words[2]);
        queue.deletes.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        queue.pending++;
        pendingRows++;
    }

    /**
     * Queues {@code DELETE FROM table WHERE keyColumn = key AND (condition)}. The deletes of many
     * keys with the same condition and arguments are sent as one statement per few hundred keys
     * ({@code keyColumn IN (...)}) rather than one per key.
     */
    public void deleteOfKey(String table, String keyColumn, String condition, Object key, Object... conditionArgs) {
        if (emptyAtStart.contains(table) && keysDeleted.add(List.of(table, key))) {
            return; // nothing to delete: the table was empty and this key's rows are not written yet
        }
        TableQueue queue = queue(table);
        queue.keyedDeletes.computeIfAbsent(List.of(keyColumn, condition), k -> new LinkedHashMap<>())
                .computeIfAbsent(Arrays.asList(conditionArgs), k -> new ArrayList<>()).add(key);
        queue.pending++;
        pendingRows++;
    }

    /**
     * Of {@code tables}, notes those that hold no rows now, at the start of the transaction: the first
     * delete of each key there is dropped, since it can match nothing (no other run writes this run's
     * keys: {@code RunLock}). Only for tables where a run writes each key's rows once, after deleting
     * them: a second delete of a key in the same run is sent as usual. A full rerun into a new
     * database then loads those tables without a delete between the loads (issue #9).
     */
    public void skipDeletesWhileEmpty(List<String> tables) {
        for (String table : tables) {
            if (jdbc.queryForList("SELECT 1 FROM " + table + " LIMIT 1").isEmpty()) {
                emptyAtStart.add(table);
            }
        }
    }

    /**
     * Queues rows for {@code table}: bulk-loaded where the database allows it and the table has many
     * rows queued, otherwise sent as a JDBC batch ({@link BulkInsert}).
     *
     * @param types the {@link java.sql.Types} of the columns, for the batch path
     */
    public void insert(String table, List<String> columns, List<Object[]> rows, int[] types) {
        if (rows.isEmpty()) {
            return;
        }
        TableQueue queue = queue(table);
        Insert insert = queue.inserts.computeIfAbsent(columns,
                k -> new Insert(List.copyOf(columns), types, new ArrayList<>()));
        insert.rows().addAll(rows);
        queue.pending += rows.size();
        pendingRows += rows.size();
    }

    private TableQueue queue(String table) {
        return tables.computeIfAbsent(table, k -> new TableQueue());
    }

    /** Rows and statements queued and not sent yet. */
    public int pending() {
        return pendingRows;
    }

    /** How many flushes have been asked for so far: writes queued at the same count may not be sent yet. */
    public long flushes() {
        return flushes;
    }

    /** Sends every queued write: each table's deletes, then its inserts. */
    public void flush() {
        tables.forEach(this::send);
        tables.clear();
        pendingRows = 0;
        flushes++;
    }

    /**
     * Sends the queued writes of the tables that have at least {@code minRows} rows and statements
     * queued; the others stay queued. Not a {@link #flush}: the count of flushes is unchanged.
     */
    public void sendLargeTables(int minRows) {
        var it = tables.entrySet().iterator();
        while (it.hasNext()) {
            var table = it.next();
            if (table.getValue().pending >= minRows) {
                send(table.getKey(), table.getValue());
                pendingRows -= table.getValue().pending;
                it.remove();
            }
        }
    }

    private void send(String table, TableQueue queue) {
        queue.deletes.forEach((sql, args) -> {
            long start = System.nanoTime();
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
            timed("delete " + table, start, 0);
        });
        queue.keyedDeletes.forEach((statement, byArgs) -> byArgs.forEach((args, keys) -> {
            long start = System.nanoTime();
            for (int first = 0; first < keys.size(); first += KEYS_PER_DELETE) {
                List<Object> chunk = keys.subList(first, Math.min(keys.size(), first + KEYS_PER_DELETE));
                List<Object> all = new ArrayList<>(chunk);
                all.addAll(args);
                jdbc.update("DELETE FROM " + table + " WHERE " + statement.get(0) + " IN ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") AND ("
                        + statement.get(1) + ")", all.toArray());
            }
            timed("delete " + table, start, 0);
        }));
        for (Insert insert : queue.inserts.values()) {
            long start = System.nanoTime();
            bulk.insert(table, insert.columns(), insert.rows(), insert.types());
            timed("insert " + table, start, insert.rows().size());
        }
    }

    private void timed(String what, long start, int rows) {
        long[] t = sendTimes.computeIfAbsent(what, k -> new long[3]);
        t[0] += System.nanoTime() - start;
        t[1] += rows;
        t[2]++;
    }

    /** Per table, the time spent sending its writes so far: {@code insert t 1234 ms (n rows, k sends)}. */
    public String sendTimes() {
        StringBuilder out = new StringBuilder();
        sendTimes.forEach((what, t) -> out.append(out.isEmpty() ? "" : "; ").append(what).append(' ')
                .append(t[0] / 1_000_000).append(" ms (").append(t[1]).append(" rows, ").append(t[2]).append(" sends)"));
        return out.toString();
    }
}
