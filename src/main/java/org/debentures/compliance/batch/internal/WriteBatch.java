package org.debentures.compliance.batch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of the results transaction, queued and sent to the database together instead of a
 * few statements per key: replacing one instrument's rows takes a dozen statements, and a thousand
 * instruments one at a time spend most of a run waiting on round trips.
 *
 * <p>Every write of this job replaces rows: it deletes a key's rows and inserts the new ones. A
 * flush therefore runs every queued delete (the deletes of many keys by one condition as one
 * {@code IN} statement per few hundred keys, others as one JDBC batch per statement), then every
 * queued insert (per table, bulk-loaded when large).
 * Deleting all before inserting any is what running the keys one after another would give, because
 * no key's delete matches another key's rows; a caller that reads rows it may also have queued
 * writes for flushes first ({@link #flushes} tells whether a flush came since it queued them).
 *
 * <p>Not thread-safe: used by the thread that owns the transaction.
 */
public final class WriteBatch {

    private record Insert(String table, List<String> columns, int[] types, boolean bulkLoad, List<Object[]> rows) {
    }

    /** Keys named in one {@code IN} list: below MariaDB's conversion of long lists to a subquery (1,000). */
    private static final int KEYS_PER_DELETE = 500;

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;
    private final Map<String, List<Object[]>> deletes = new LinkedHashMap<>();
    /** Deletes of one table's rows by key: per table, key column and condition, the keys per condition arguments. */
    private final Map<List<String>, Map<List<Object>, List<Object>>> keyedDeletes = new LinkedHashMap<>();
    private final Map<String, Insert> inserts = new LinkedHashMap<>();
    private int pendingRows;
    private long flushes;

    public WriteBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
    }

    /** Queues a {@code DELETE} statement with its arguments. */
    public void delete(String sql, Object... args) {
        deletes.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        pendingRows++;
    }

    /**
     * Queues {@code DELETE FROM table WHERE keyColumn = key AND (condition)}. The deletes of many
     * keys with the same condition and arguments are sent as one statement per few hundred keys
     * ({@code keyColumn IN (...)}) rather than one per key.
     */
    public void deleteOfKey(String table, String keyColumn, String condition, Object key, Object... conditionArgs) {
        keyedDeletes.computeIfAbsent(List.of(table, keyColumn, condition), k -> new LinkedHashMap<>())
                .computeIfAbsent(java.util.Arrays.asList(conditionArgs), k -> new ArrayList<>()).add(key);
        pendingRows++;
    }

    /** Queues rows for {@code table}, sent as a JDBC batch. */
    public void insert(String table, List<String> columns, List<Object[]> rows, int[] types) {
        queue(table, columns, rows, types, false);
    }

    /** Queues rows for {@code table}, bulk-loaded where the database allows it ({@link BulkInsert}). */
    public void bulkInsert(String table, List<String> columns, List<Object[]> rows, int[] types) {
        queue(table, columns, rows, types, true);
    }

    private void queue(String table, List<String> columns, List<Object[]> rows, int[] types, boolean bulkLoad) {
        if (rows.isEmpty()) {
            return;
        }
        Insert insert = inserts.computeIfAbsent(table + columns,
                k -> new Insert(table, List.copyOf(columns), types, bulkLoad, new ArrayList<>()));
        insert.rows().addAll(rows);
        pendingRows += rows.size();
    }

    /** Rows and statements queued since the last flush. */
    public int pending() {
        return pendingRows;
    }

    /** How many flushes have been asked for so far: writes queued at the same count are not sent yet. */
    public long flushes() {
        return flushes;
    }

    /** Sends every queued delete, then every queued insert. */
    public void flush() {
        deletes.forEach((sql, args) -> {
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
        });
        keyedDeletes.forEach((statement, byArgs) -> byArgs.forEach((args, keys) -> {
            for (int start = 0; start < keys.size(); start += KEYS_PER_DELETE) {
                List<Object> chunk = keys.subList(start, Math.min(keys.size(), start + KEYS_PER_DELETE));
                List<Object> all = new ArrayList<>(chunk);
                all.addAll(args);
                jdbc.update("DELETE FROM " + statement.get(0) + " WHERE " + statement.get(1) + " IN ("
                        + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") AND ("
                        + statement.get(2) + ")", all.toArray());
            }
        }));
        for (Insert insert : inserts.values()) {
            if (insert.bulkLoad()) {
                bulk.insert(insert.table(), insert.columns(), insert.rows(), insert.types());
            } else {
                String marks = String.join(",", java.util.Collections.nCopies(insert.columns().size(), "?"));
                String sql = "INSERT INTO " + insert.table() + " (" + String.join(", ", insert.columns()) + ") VALUES ("
                        + marks + ")";
                if (insert.types() == null) {
                    jdbc.batchUpdate(sql, insert.rows());
                } else {
                    jdbc.batchUpdate(sql, insert.rows(), insert.types());
                }
            }
        }
        deletes.clear();
        keyedDeletes.clear();
        inserts.clear();
        pendingRows = 0;
        flushes++;
    }
}
