package org.debentures.compliance.store.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.store.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of the run generations ({@code results_generation}, {@code results_generation_run},
 * {@code results_replaced_key}; {@code db/migration/common/V18__results_generations.sql}): how the
 * results of a run, written by its partitions in many transactions, become visible in one.
 *
 * <p>A run's results step writes under a generation of its own ({@link #begin}); readers see the
 * published generation's rows only, through the views named after the tables. {@link #publish}
 * makes the new generation the published one: one row updated, one commit, so a reader sees either
 * the whole previous result of the range or the whole new one. {@link #pruneReplaced} then deletes
 * the rows the new generation replaced. A generation left unpublished by a run that never finished
 * is removed ({@link #abandon}) when another run begins; the run that left it, restarted later, then
 * computes its results again under a new generation.
 */
public final class ResultGenerations {

    /** The output tables (the views), each with the column that keys its replacements. */
    public static final Map<String, String> TABLE_KEYS = tableKeys();

    private static Map<String, String> tableKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("market_price", "symbol");
        keys.put("vwap_test", "instrument_id");
        keys.put("registration_default_day", "agreement_id");
        keys.put("interest_accrual", "instrument_id");
        keys.put("interest_due", "instrument_id");
        keys.put("penalty_accrual", "instrument_id");
        keys.put("compliance_exception", "subject");
        keys.put("conversion_price_history", "instrument_id");
        keys.put("conversion_readiness", "instrument_id");
        keys.put("conversion_readiness_condition", "instrument_id");
        keys.put("penalty_balance", "instrument_id");
        keys.put("default_interest_month", "instrument_id");
        keys.put("conversion_delivery", "instrument_id");
        keys.put("mandatory_redemption_price", "instrument_id");
        keys.put("upcoming_deadline", "deal_id");
        keys.put("covenant_test", "deal_id");
        keys.put("mandatory_redemption", "instrument_id");
        keys.put("registration_coverage", "agreement_id");
        return Collections.unmodifiableMap(keys);
    }

    /**
     * The large daily tables, with their date column: a run replaces their rows in its range only, so
     * the prune looks for them there (by the primary key's key and date) instead of in every row of a key.
     */
    public static final Map<String, String> DAILY_TABLES = Map.of("market_price", "price_date",
            "vwap_test", "trade_date", "interest_accrual", "accrual_date", "mandatory_redemption_price", "price_date");

    /**
     * The output tables whose every replacement selects rows dated in the run's range (a date
     * between {@code from} and {@code to}, or equal to {@code to}), with that date column: their rows
     * lie in the range of the generation that wrote them (tested), so a run over a range that no
     * earlier generation reached ({@link #rangeIsNew}) has nothing to mark there.
     */
    public static final Map<String, String> RANGED_TABLES = Map.ofEntries(Map.entry("market_price", "price_date"),
            Map.entry("vwap_test", "trade_date"), Map.entry("interest_accrual", "accrual_date"),
            Map.entry("mandatory_redemption_price", "price_date"), Map.entry("registration_default_day", "default_date"),
            Map.entry("penalty_accrual", "accrual_date"), Map.entry("penalty_balance", "as_of_date"),
            Map.entry("conversion_readiness", "as_of_date"), Map.entry("conversion_readiness_condition", "as_of_date"),
            Map.entry("upcoming_deadline", "as_of_date"), Map.entry("covenant_test", "period_end"),
            Map.entry("mandatory_redemption", "notice_date"), Map.entry("registration_coverage", "coverage_date"));

    private static final String OVERLAPPING_GENERATIONS = """
            SELECT COUNT(*) FROM results_generation_run
            WHERE generation < ? AND status <> 'ABANDONED'
              AND (range_from IS NULL OR range_to IS NULL OR (range_from <= ? AND range_to >= ?))""";

    /** Keys named in one {@code IN} list (see {@link WriteBatch}). */
    private static final int KEYS_PER_STATEMENT = 500;

    private static final String PUBLISHED = """
            SELECT published FROM results_generation WHERE id = 1""";
    private static final String GENERATION_OF_INSTANCE = """
            SELECT generation FROM results_generation_run
            WHERE job_instance = ? AND status IN ('WRITING', 'PUBLISHED')
            ORDER BY generation DESC""";
    private static final String WRITING_OF_OTHERS = """
            SELECT generation FROM results_generation_run
            WHERE job_instance <> ? AND status = 'WRITING'
            ORDER BY generation""";
    private static final String LAST_GENERATION = """
            SELECT COALESCE(MAX(generation), 0) FROM results_generation_run""";
    private static final String NEW_GENERATION = """
            INSERT INTO results_generation_run (generation, job_instance, status, range_from, range_to)
            VALUES (?, ?, 'WRITING', ?, ?)""";
    private static final String RANGE = """
            SELECT range_from, range_to FROM results_generation_run WHERE generation = ?""";
    private static final String SET_STATUS = """
            UPDATE results_generation_run SET status = ? WHERE generation = ?""";
    private static final String SET_PUBLISHED = """
            UPDATE results_generation SET published = ? WHERE id = 1 AND published < ?""";
    private static final String REPLACED_KEYS = """
            SELECT table_name, key_value FROM results_replaced_key WHERE generation = ?
            ORDER BY table_name, key_value""";
    private static final String GENERATIONS_TO_PRUNE = """
            SELECT DISTINCT generation FROM results_replaced_key WHERE generation <= ? ORDER BY generation""";
    private static final String FORGET_KEYS = """
            DELETE FROM results_replaced_key WHERE generation = ?""";

    private final JdbcTemplate jdbc;

    public ResultGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The generation readers see. */
    public long published() {
        return jdbc.queryForObject(PUBLISHED, Long.class);
    }

    /**
     * The generation the results of job instance {@code jobInstance} are written under: the one it
     * began before (a restart) unless another run has removed it since, otherwise a new one. Any
     * generation another job instance left unpublished is removed first ({@link #abandon}): its rows
     * would otherwise become visible with the next generation published.
     */
    public long begin(long jobInstance) {
        return begin(jobInstance, null, null);
    }

    /**
     * As {@link #begin(long)}, for a run of {@code [from, to]} (null: unbounded): the daily tables'
     * rows it replaces lie in that range ({@link #DAILY_TABLES}).
     */
    public long begin(long jobInstance, java.time.LocalDate from, java.time.LocalDate to) {
        for (Long other : jdbc.queryForList(WRITING_OF_OTHERS, Long.class, jobInstance)) {
            abandon(other);
        }
        List<Long> own = jdbc.queryForList(GENERATION_OF_INSTANCE, Long.class, jobInstance);
        if (!own.isEmpty()) {
            return own.get(0);
        }
        long generation = Math.max(jdbc.queryForObject(LAST_GENERATION, Long.class), published()) + 1;
        jdbc.update(NEW_GENERATION, generation, jobInstance, from == null ? null : java.sql.Date.valueOf(from),
                to == null ? null : java.sql.Date.valueOf(to));
        return generation;
    }

    /**
     * Removes an unpublished generation: its rows are deleted and the rows it marked as replaced are
     * unmarked. Reads whole tables (by generation), which happens only after a run that did not finish.
     */
    public void abandon(long generation) {
        if (generation <= published()) {
            throw new IllegalStateException("generation " + generation + " is published; it cannot be abandoned");
        }
        for (String table : TABLE_KEYS.keySet()) {
            jdbc.update("""
                    DELETE FROM %s WHERE generation = ?""".formatted(WriteBatch.dataTable(table)), generation);
        }
        replacedKeys(generation).forEach((table, keys) -> byKeys(keys, (marks, args) -> {
            args.add(0, generation);
            jdbc.update("""
                    UPDATE %s SET replaced_by = NULL WHERE replaced_by = ? AND %s IN (%s)"""
                    .formatted(WriteBatch.dataTable(table), TABLE_KEYS.get(table), marks), args.toArray());
        }));
        jdbc.update(FORGET_KEYS, generation);
        jdbc.update(SET_STATUS, "ABANDONED", generation);
    }

    /**
     * Whether no generation before {@code generation} that still has rows (any but an abandoned one,
     * whose rows {@link #abandon} deleted; generation 0, the rows from before generations, has the
     * range of every run of {@code job_run}, V19) ran over a range overlapping {@code [from, to]}:
     * then the {@link #RANGED_TABLES} hold no row there. A nightly run's range is new.
     */
    public boolean rangeIsNew(long generation, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.queryForObject(OVERLAPPING_GENERATIONS, Long.class, generation, java.sql.Date.valueOf(to),
                java.sql.Date.valueOf(from)) == 0;
    }

    /**
     * Makes {@code generation} the one readers see: every table's new rows at once, in this transaction. Publishing
     * the generation already published does nothing: a run killed after its publication committed but before its
     * step was recorded complete publishes again on restart (found by the chaos kills of issue 23).
     */
    public void publish(long generation) {
        if (published() == generation) {
            jdbc.update(SET_STATUS, "PUBLISHED", generation);
            return;
        }
        if (jdbc.update(SET_PUBLISHED, generation, generation) != 1) {
            throw new IllegalStateException("generation " + generation + " is not after the published one ("
                    + published() + ")");
        }
        jdbc.update(SET_STATUS, "PUBLISHED", generation);
    }

    /**
     * Deletes the rows that published generations replaced, by the keys they noted, and forgets the
     * keys. Returns the rows deleted.
     */
    public int pruneReplaced() {
        int deleted = 0;
        for (Long generation : jdbc.queryForList(GENERATIONS_TO_PRUNE, Long.class, published())) {
            int[] count = {0};
            List<java.sql.Date> range = jdbc.query(RANGE, (rs, i) -> java.util.Arrays.asList(rs.getDate(1), rs.getDate(2)), generation)
                    .stream().filter(r -> r.get(0) != null && r.get(1) != null).findFirst().orElse(null);
            replacedKeys(generation).forEach((table, keys) -> byKeys(keys, (marks, args) -> {
                args.add(0, generation);
                String inRange = "";
                if (range != null && DAILY_TABLES.containsKey(table)) {
                    inRange = " AND " + DAILY_TABLES.get(table) + " BETWEEN ? AND ?";
                    args.addAll(range);
                }
                count[0] += jdbc.update("""
                        DELETE FROM %s WHERE replaced_by = ? AND %s IN (%s)%s"""
                        .formatted(WriteBatch.dataTable(table), TABLE_KEYS.get(table), marks, inRange), args.toArray());
            }));
            jdbc.update(FORGET_KEYS, generation);
            deleted += count[0];
        }
        return deleted;
    }

    /** Per table, the keys whose rows {@code generation} marked as replaced. */
    private Map<String, List<String>> replacedKeys(long generation) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        jdbc.query(REPLACED_KEYS, rs -> {
            String table = rs.getString(1);
            if (!TABLE_KEYS.containsKey(table)) {
                throw new IllegalStateException("results_replaced_key names " + table + ", not an output table");
            }
            keys.computeIfAbsent(table, k -> new ArrayList<>()).add(rs.getString(2));
        }, generation);
        return keys;
    }

    private interface KeyStatement {
        void run(String marks, List<Object> args);
    }

    /** Runs {@code statement} once per few hundred keys, with their {@code ?} marks and values. */
    private static void byKeys(List<String> keys, KeyStatement statement) {
        for (int first = 0; first < keys.size(); first += KEYS_PER_STATEMENT) {
            List<String> chunk = keys.subList(first, Math.min(keys.size(), first + KEYS_PER_STATEMENT));
            statement.run(String.join(",", Collections.nCopies(chunk.size(), "?")), new ArrayList<>(chunk));
        }
    }
}
