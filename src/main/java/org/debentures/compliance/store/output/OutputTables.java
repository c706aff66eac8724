package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.ExceptionLifecycle;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.market.MarketPrice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/**
 * SQL of the output tables (SPEC §8). Every write replaces the rows of the run's range for the
 * subjects it covers: no duplicates on a rerun, rows outside the range untouched.
 */
public final class OutputTables {

    /** The columns of a stored exception run that a replacement needs, in the order {@link #storedRun} reads them. */
    private static final String STORED_RUNS = """
            SELECT subject, code, clause, start_date, end_date, first_seen_run_id, status, closed_in_run_id
            FROM compliance_exception""";

    private static final Columns<MarketPrice> MARKET_PRICE = Columns.<MarketPrice>of("market_price")
            .column("symbol", Types.VARCHAR, MarketPrice::symbol)
            .column("price_date", Types.DATE, MarketPrice::asOf)
            .column("market_price", Types.DECIMAL, MarketPrice::value)
            .column("window_start", Types.DATE, p -> p.windowStart().map(Date::valueOf).orElse(null))
            .column("window_end", Types.DATE, p -> p.windowEnd().map(Date::valueOf).orElse(null))
            .column("window_trading_days", Types.INTEGER, p -> p.windowDays().size())
            .column("unavailable_reason", Types.VARCHAR, MarketPrice::unavailableReason);

    private static final Columns<ExceptionLifecycle.Row> EXCEPTION = Columns.<ExceptionLifecycle.Row>of("compliance_exception")
            .column("code", Types.VARCHAR, r -> r.finding().code().name())
            .column("subject", Types.VARCHAR, r -> r.finding().subject())
            .column("clause", Types.VARCHAR, r -> r.finding().clause())
            .column("start_date", Types.DATE, r -> Date.valueOf(r.finding().startDate()))
            .column("end_date", Types.DATE, r -> r.finding().endDate() == null ? null : Date.valueOf(r.finding().endDate()))
            .column("status", Types.VARCHAR, r -> r.finding().status())
            .column("severity", Types.VARCHAR, r -> r.finding().severity().name())
            .column("message", Types.VARCHAR, r -> truncate(r.finding().message()))
            .column("run_id", Types.BIGINT, ExceptionLifecycle.Row::runId)
            .column("first_seen_run_id", Types.BIGINT, ExceptionLifecycle.Row::firstSeenRunId)
            .column("closed_in_run_id", Types.BIGINT, ExceptionLifecycle.Row::closedInRunId);

    private final JdbcTemplate jdbc;
    private final WriteBatch writes;

    /**
     * The published exception runs by subject, read once ({@link #preloadFindings}). A run reads the
     * published rows only: what it writes is not visible (to it either) until it publishes, and no
     * subject's codes of one clause are replaced twice in a run (each subject belongs to one step).
     */
    private Map<String, List<ExceptionLifecycle.StoredRun>> preloaded;

    public OutputTables(JdbcTemplate jdbc, WriteBatch writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Every published exception run by subject, in one read (what {@link #preloadFindings} keeps). */
    public static Map<String, List<ExceptionLifecycle.StoredRun>> publishedRuns(JdbcTemplate jdbc) {
        Map<String, List<ExceptionLifecycle.StoredRun>> runs = new HashMap<>();
        jdbc.query(STORED_RUNS, rs -> {
            runs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(storedRun(rs, 2));
        });
        return runs;
    }

    /** The tables over {@code writes}, answering stored runs from {@code publishedRuns} (read by {@link #publishedRuns}). */
    public static OutputTables over(JdbcTemplate jdbc, WriteBatch writes,
                                    Map<String, List<ExceptionLifecycle.StoredRun>> publishedRuns) {
        OutputTables tables = new OutputTables(jdbc, writes);
        tables.preloaded = publishedRuns;
        return tables;
    }

    /**
     * Reads every published exception run at once, so that each {@link #replaceFindings} that follows
     * needs no read of its own.
     */
    public void preloadFindings() {
        preloaded = publishedRuns(jdbc);
    }

    /** Replaces {@code market_price} rows of {@code symbol} in {@code [from, to]}. */
    public int replaceMarketPrices(String symbol, LocalDate from, LocalDate to, List<MarketPrice> prices) {
        writes.replace("market_price", "symbol", "price_date BETWEEN ? AND ?", symbol,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(MARKET_PRICE, prices);
        return prices.size();
    }

    /**
     * Replaces the exceptions of {@code codes} about {@code subject} that share a day with
     * {@code [from, to]} by {@code findings} (the runs known as of {@code to} that share a day
     * with the range). A stored run that overlapped the range but is now known to have ended
     * before it is rewritten with its end, not lost.
     *
     * @param history every run of these codes and subject known as of {@code to}
     */
    public int replaceFindings(String subject, Collection<ExceptionCode> codes, LocalDate from, LocalDate to,
                               List<Finding> history, long runId) {
        return replaceFindings(subject, codes, null, from, to, history, runId);
    }

    /**
     * As {@link #replaceFindings(String, Collection, LocalDate, LocalDate, List, long)}, for the
     * exceptions of one clause only (when several steps write one code about one subject, as
     * {@code EVENT_OF_DEFAULT} under 6(d)(iii) and 6(d)(v)).
     */
    public int replaceFindings(String subject, Collection<ExceptionCode> codes, String clause, LocalDate from,
                               LocalDate to, List<Finding> history, long runId) {
        List<String> names = codes.stream().map(Enum::name).sorted().toList();
        Set<String> nameSet = new HashSet<>(names);
        if (preloaded == null) {
            preloadFindings();
        }
        List<ExceptionLifecycle.StoredRun> stored = preloaded.getOrDefault(subject, List.of()).stream()
                .filter(r -> nameSet.contains(r.code()) && (clause == null || clause.equals(r.clause())))
                .toList();
        ExceptionLifecycle.Plan plan = ExceptionLifecycle.replace(stored, history, from, to, runId);
        String codeIn = "code IN (" + String.join(",", Collections.nCopies(names.size(), "?")) + ")";
        List<Object> rangeArgs = new ArrayList<>(names);
        rangeArgs.add(Date.valueOf(to));
        rangeArgs.add(Date.valueOf(from));
        String ofClause = "";
        if (clause != null) {
            rangeArgs.add(clause);
            ofClause = " AND clause = ?";
        }
        writes.replace("compliance_exception", "subject",
                codeIn + " AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)" + ofClause, subject,
                rangeArgs.toArray());
        for (Finding f : plan.rewrittenOutsideRange()) {
            writes.replace("compliance_exception", "subject", "code = ? AND clause = ? AND start_date = ?", f.subject(),
                    f.code().name(), f.clause(), Date.valueOf(f.startDate()));
        }
        writes.insert(EXCEPTION, plan.rows());
        return plan.rows().size();
    }

    /** A stored run from its columns at {@code first} .. {@code first + 6} (see {@link #STORED_RUNS}). */
    private static ExceptionLifecycle.StoredRun storedRun(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        Date end = rs.getDate(first + 3);
        return new ExceptionLifecycle.StoredRun(rs.getString(first), rs.getString(first + 1),
                rs.getDate(first + 2).toLocalDate(), end == null ? null : end.toLocalDate(), nullableLong(rs, first + 4),
                rs.getString(first + 5), nullableLong(rs, first + 6));
    }

    private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String truncate(String message) {
        return message.length() <= 4000 ? message : message.substring(0, 3990) + " ...";
    }
}
