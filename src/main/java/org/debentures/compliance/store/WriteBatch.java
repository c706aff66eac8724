package org.debentures.compliance.store;

import java.sql.Types;
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
 * The writes of one chunk of the results step, under one run generation
 * ({@code db/migration/common/V18__results_generations.sql}), queued and sent together instead of a
 * few statements per key: replacing one instrument's rows takes a dozen statements, and a thousand
 * instruments one at a time spend most of a run waiting on round trips.
 *
 * <p>Every write of the results step replaces rows: a key's rows that a condition selects are
 * replaced by new ones. Under generations nothing is deleted here: the old rows are <em>marked</em>
 * as replaced by this generation ({@code replaced_by}), and the new rows are inserted with it
 * ({@code generation}), both in {@code <table>_data}, where readers of the view {@code <table>} see
 * neither until the generation is published. The keys marked are noted in
 * {@code results_replaced_key}, so that the marked rows can be deleted by key once published.
 * Marks of many keys by one condition go as one {@code UPDATE ... key IN (...)} per few hundred
 * keys; a table's marks are sent before its inserts. A mark never touches this generation's own
 * rows ({@code generation < ?}): what another chunk or partition of the run wrote stays.
 *
 * <p>Not thread-safe: used by the thread that owns the chunk's transaction.
 */
public final class WriteBatch {

    private record Insert(List<String> columns, int[] types, List<Object[]> rows) {
    }

    /** The queued writes of one table. */
    private static final class TableQueue {
        /** Marks by key: per key column and condition, the keys per condition arguments. */
        final Map<List<String>, Map<List<Object>, List<Object>>> marks = new LinkedHashMap<>();
        /** Per column list, the rows to insert. */
        final Map<List<String>, Insert> inserts = new LinkedHashMap<>();
    }

    /** Keys named in one {@code IN} list: below MariaDB's conversion of long lists to a subquery (1,000). */
    private static final int KEYS_PER_STATEMENT = 500;

    private static final String NOTE_KEY = """
            INSERT INTO results_replaced_key (generation, table_name, key_value) VALUES (?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;
    private final long generation;
    private final Map<String, TableQueue> tables = new LinkedHashMap<>();
    private int pendingRows;
    /** Tables that held no row of an earlier generation when the partition began: nothing there to mark. */
    private final Set<String> nothingOlder;
    /** The table and key of each note written to {@code results_replaced_key} by this batch. */
    private final Set<List<Object>> noted = new HashSet<>();
    /** Per table and kind of write: nanoseconds spent sending, rows inserted, statements sent. */
    private final SendTimes sendTimes;

    /** Time spent sending, per table and kind of write, summed over the batches that share it. */
    public static final class SendTimes {
        private final Map<String, long[]> times = new TreeMap<>();

        synchronized void add(String what, long nanos, int rows) {
            long[] t = times.computeIfAbsent(what, k -> new long[3]);
            t[0] += nanos;
            t[1] += rows;
            t[2]++;
        }

        /** {@code insert t 1234 ms (n rows, k sends); ...} */
        @Override
        public synchronized String toString() {
            StringBuilder out = new StringBuilder();
            times.forEach((what, t) -> out.append(out.isEmpty() ? "" : "; ").append(what).append(' ')
                    .append(t[0] / 1_000_000).append(" ms (").append(t[1]).append(" rows, ").append(t[2]).append(" sends)"));
            return out.toString();
        }
    }

    /**
     * @param generation the run generation the rows are written under (see {@code ResultGenerations})
     * @param nothingOlder tables with no row of an earlier generation ({@link #nothingOlder(JdbcTemplate, long, List)})
     */
    public WriteBatch(JdbcTemplate jdbc, long generation, Set<String> nothingOlder, SendTimes sendTimes) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
        this.generation = generation;
        this.nothingOlder = Set.copyOf(nothingOlder);
        this.sendTimes = sendTimes;
    }

    /** A batch that marks in every table (for tests and small writes). */
    public WriteBatch(JdbcTemplate jdbc, long generation) {
        this(jdbc, generation, Set.of(), new SendTimes());
    }

    /** The run generation this batch writes under. */
    public long generation() {
        return generation;
    }

    /** The table that holds the rows of the view {@code table}, every generation's. */
    public static String dataTable(String table) {
        return table + "_data";
    }

    /**
     * Queues the replacement of the rows of {@code table} with {@code keyColumn = key} that
     * {@code condition} selects (a fixed SQL condition with {@code ?} for {@code conditionArgs}).
     * Many keys with the same condition and arguments are sent as one statement.
     */
    public void replace(String table, String keyColumn, String condition, Object key, Object... conditionArgs) {
        if (nothingOlder.contains(table)) {
            return; // no row of an earlier generation: nothing to mark
        }
        queue(table).marks.computeIfAbsent(List.of(keyColumn, condition), k -> new LinkedHashMap<>())
                .computeIfAbsent(Arrays.asList(conditionArgs), k -> new ArrayList<>()).add(key);
        pendingRows++;
    }

    /**
     * Of {@code tables}, those that hold no row of a generation before {@code generation} now: a
     * replacement there can match nothing (no other run writes meanwhile: {@code RunLock}), so a
     * batch given them drops it. A full rerun into a new database then loads them and marks nothing.
     */
    public static Set<String> nothingOlder(JdbcTemplate jdbc, long generation, List<String> tables) {
        Set<String> empty = new HashSet<>();
        for (String table : tables) {
            String anyOlder = """
                    SELECT 1 FROM %s WHERE generation < ? LIMIT 1""".formatted(dataTable(table));
            if (jdbc.queryForList(anyOlder, generation).isEmpty()) {
                empty.add(table);
            }
        }
        return empty;
    }

    /**
     * Queues typed rows for the table of {@code columns}, written with this batch's generation (see
     * {@link #insert(String, List, List, int[])}).
     */
    public <R> void insert(Columns<R> columns, List<? extends R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Insert insert = insertOf(columns.table(), columns.names(), columns.types());
        Long generationValue = generation;
        for (R row : rows) {
            Object[] values = columns.values(row, 1);
            values[values.length - 1] = generationValue;
            insert.rows().add(values);
        }
        pendingRows += rows.size();
    }

    /**
     * Queues rows for {@code table}, written with this batch's generation: bulk-loaded where the
     * database allows it and the table has many rows queued, otherwise sent as a JDBC batch
     * ({@link BulkInsert}).
     *
     * @param types the {@link java.sql.Types} of the columns, for the batch path (null: the driver's guess)
     */
    void insert(String table, List<String> columns, List<Object[]> rows, int[] types) {
        if (rows.isEmpty()) {
            return;
        }
        Insert insert = insertOf(table, columns, types);
        Long generationValue = generation;
        for (Object[] row : rows) {
            Object[] withGeneration = Arrays.copyOf(row, row.length + 1);
            withGeneration[row.length] = generationValue;
            insert.rows().add(withGeneration);
        }
        pendingRows += rows.size();
    }

    /** The queued rows of {@code table} with these columns, the generation column added. */
    private Insert insertOf(String table, List<String> columns, int[] types) {
        return queue(table).inserts.computeIfAbsent(columns, k -> {
            List<String> all = new ArrayList<>(columns);
            all.add("generation");
            int[] allTypes = null;
            if (types != null) {
                allTypes = Arrays.copyOf(types, types.length + 1);
                allTypes[types.length] = Types.BIGINT;
            }
            return new Insert(List.copyOf(all), allTypes, new ArrayList<>());
        });
    }

    private TableQueue queue(String table) {
        return tables.computeIfAbsent(table, k -> new TableQueue());
    }

    /** Rows and replacements queued and not sent yet. */
    public int pending() {
        return pendingRows;
    }

    /** Sends every queued write: each table's marks (and the notes of their keys), then its inserts. */
    public void flush() {
        tables.forEach(this::send);
        tables.clear();
        pendingRows = 0;
    }

    private void send(String table, TableQueue queue) {
        String data = dataTable(table);
        queue.marks.forEach((statement, byArgs) -> byArgs.forEach((args, keys) -> {
            long start = System.nanoTime();
            for (int first = 0; first < keys.size(); first += KEYS_PER_STATEMENT) {
                List<Object> chunk = keys.subList(first, Math.min(keys.size(), first + KEYS_PER_STATEMENT));
                String mark = """
                        UPDATE %s SET replaced_by = ?
                        WHERE %s IN (%s) AND (%s) AND generation < ? AND replaced_by IS NULL"""
                        .formatted(data, statement.get(0), String.join(",", Collections.nCopies(chunk.size(), "?")),
                                statement.get(1));
                List<Object> all = new ArrayList<>();
                all.add(generation);
                all.addAll(chunk);
                all.addAll(args);
                all.add(generation);
                if (jdbc.update(mark, all.toArray()) > 0) {
                    note(table, chunk);
                }
            }
            timed("mark " + table, start, 0);
        }));
        for (Insert insert : queue.inserts.values()) {
            long start = System.nanoTime();
            bulk.insert(data, insert.columns(), insert.rows(), insert.types());
            timed("insert " + table, start, insert.rows().size());
        }
    }

    /** Notes that rows of {@code keys} in {@code table} are marked by this generation (once per key). */
    private void note(String table, List<Object> keys) {
        List<Object[]> notes = new ArrayList<>();
        for (Object key : keys) {
            if (noted.add(List.of(table, key))) {
                notes.add(new Object[] {generation, table, key});
            }
        }
        if (!notes.isEmpty()) {
            jdbc.batchUpdate(NOTE_KEY, notes, new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR});
        }
    }

    private void timed(String what, long start, int rows) {
        sendTimes.add(what, System.nanoTime() - start, rows);
    }
}
