package org.debentures.compliance.store.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The output tables as exported (one CSV per table, named after it): the tables of SPEC §8 with the
 * §8 column names as header, plus the Mandatory Conversion readiness; and which of a run's rows
 * belong to its range.
 */
public enum ExportTable {
    MARKET_PRICE("market_price", List.of("symbol", "price_date", "market_price"),
            Rows.DATED, "price_date", "symbol, price_date"),
    VWAP_TEST("vwap_test", List.of("instrument_id", "trade_date", "vwap", "threshold", "above", "window_count", "met",
            "window_has_gap"),
            Rows.DATED, "trade_date", "instrument_id, trade_date"),
    REGISTRATION_DEFAULT_DAY("registration_default_day",
            List.of("agreement_id", "default_date", "reasons", "day_index", "rate"),
            Rows.DATED, "default_date", "agreement_id, default_date"),
    INTEREST_ACCRUAL("interest_accrual", List.of("instrument_id", "accrual_date", "principal", "interest_base",
            "regular_interest", "default_interest"), Rows.DATED, "accrual_date", "instrument_id, accrual_date"),
    INTEREST_DUE("interest_due", List.of("instrument_id", "due_date", "amount_due", "amount_paid", "paid_date"),
            Rows.DATED, "due_date", "instrument_id, due_date"),
    PENALTY_ACCRUAL("penalty_accrual", List.of("instrument_id", "holder", "accrual_date", "kind", "base_amount",
            "rate", "amount"), Rows.DATED, "accrual_date", "instrument_id, accrual_date, kind"),
    /** SPEC §8 v2: {@code clause} after {@code subject} (for {@code EVENT_OF_DEFAULT} the clause it arises under). */
    COMPLIANCE_EXCEPTION("compliance_exception", List.of("code", "severity", "subject", "clause", "start_date",
            "end_date", "status", "message"), Rows.OVERLAPPING, null, "subject, code, start_date, clause"),
    INPUT_REJECT("input_reject", List.of("file_name", "line_number", "raw_line", "reason"), Rows.ALL, null,
            "file_name, line_number"),
    /** Not a SPEC §8 table: Debenture §5 readiness as of the run's last day. */
    CONVERSION_READINESS("conversion_readiness", List.of("instrument_id", "as_of_date", "checked_conditions_met", "notice_date",
            "earliest_conversion_date"), Rows.AS_OF, "as_of_date", "instrument_id"),
    /** Not a SPEC §8 table: each §5(c) condition with its state and evidence, as of the run's last day. */
    CONVERSION_READINESS_CONDITION("conversion_readiness_condition", List.of("instrument_id", "as_of_date",
            "condition_id", "description", "state", "met_since", "evidence"), Rows.AS_OF, "as_of_date",
            "instrument_id, condition_id"),
    /** SPEC §12: each deal's covenant tests, every period ending on or before the range's last day. */
    COVENANT_TEST("covenant_test", List.of("deal_id", "clause", "period_end", "months", "target", "actual", "met",
            "state", "breach_date"), Rows.THROUGH, "period_end", "deal_id, period_end, clause, months"),
    /** SPEC §14: each Mandatory Redemption notice dated on or before the range's last day. */
    MANDATORY_REDEMPTION("mandatory_redemption", List.of("instrument_id", "notice_date", "redemption_date", "principal",
            "interest", "conversion_price", "market_price", "price", "pay_by", "paid_date", "late_interest", "status",
            "note"), Rows.THROUGH, "notice_date", "instrument_id, notice_date, reference"),
    /** SPEC §15: every event of each instrument's Conversion Price history, effective on or before the range's last day. */
    CONVERSION_PRICE_HISTORY("conversion_price_history", List.of("instrument_id", "effective_date", "seq", "clause", "event",
            "price_before", "conversion_price", "vwap_test_price", "adjusted", "computable", "issuance_shares",
            "issuance_price", "consideration", "shares_outstanding", "market_price", "terms"), Rows.THROUGH,
            "effective_date", "instrument_id, effective_date, seq"),
    /** SPEC §16: each agreement's required and registered shares, dated in the range. */
    REGISTRATION_COVERAGE("registration_coverage", List.of("agreement_id", "coverage_date", "required_shares",
            "registered_shares", "maintain_line", "cure_line", "shortfall"), Rows.DATED, "coverage_date",
            "agreement_id, coverage_date"),
    /** The run record: the run that wrote the export (the latest run over the same range). */
    JOB_RUN("job_run", List.of("run_id", "run_kind", "range_from", "range_to", "data_dir", "started_at", "finished_at",
            "duration_ms", "outcome", "owner", "restart_of"), Rows.RUN, "run_id", "run_id"),
    /** The readings (switches) each deal used in that run. */
    JOB_RUN_READING("job_run_reading", List.of("run_id", "deal_id", "switch_name", "switch_value"), Rows.RUN, "run_id",
            "deal_id, switch_name"),
    /** The input files that run read, with their checksums and counts. */
    INPUT_FILE("input_file", List.of("run_id", "file_name", "feed", "sha256", "rows_read", "rows_accepted",
            "rows_duplicate", "rows_rejected"), Rows.RUN, "run_id", "file_name");

    /** Which rows of a table belong to a run over [from, to]. */
    enum Rows {
        /** dated on a day of the range */
        DATED,
        /** runs of days sharing a day with the range */
        OVERLAPPING,
        /** evaluated as of the range's last day */
        AS_OF,
        /** dated on or before the range's last day (SPEC §10: the tables of §12-§16 that are not daily) */
        THROUGH,
        /** every row (the rejects of the inputs as last read) */
        ALL,
        /** the rows of the latest run over exactly the range */
        RUN
    }

    /**
     * The rows of a run, in the table's order: {@code %1$s} the columns, {@code %2$s} the table,
     * {@code %3$s} which rows (a {@code WHERE} clause of {@link Rows}, or nothing), {@code %4$s} the order.
     */
    private static final String ROWS = """
            SELECT %1$s FROM %2$s
            %3$s
            ORDER BY %4$s""";
    /** As {@link #ROWS}, counted. */
    private static final String COUNT = """
            SELECT COUNT(*) FROM (SELECT %1$s FROM %2$s
            %3$s) t""";
    /** {@code %s}: the date column. */
    private static final String DATED_ROWS = """
            WHERE %s BETWEEN ? AND ?""";
    private static final String OVERLAPPING_ROWS = """
            WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)""";
    /** {@code %s}: the date column. */
    private static final String AS_OF_ROWS = """
            WHERE %s = ?""";
    /** {@code %s}: the date column. */
    private static final String THROUGH_ROWS = """
            WHERE %s <= ?""";
    /** {@code %s}: the run id column. */
    private static final String RUN_ROWS = """
            WHERE %s = (SELECT MAX(run_id) FROM job_run WHERE range_from = ? AND range_to = ?)""";

    private final String table;
    private final List<String> columns;
    private final Rows rows;
    private final String dateColumn;
    private final String orderBy;

    ExportTable(String table, List<String> columns, Rows rows, String dateColumn, String orderBy) {
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.dateColumn = dateColumn;
        this.orderBy = orderBy;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows of a run over {@code [from, to]}, as SQL with its arguments ({@link #arguments}). */
    String query() {
        return ROWS.formatted(String.join(", ", columns), table, where(), orderBy);
    }

    /** Which rows belong to a run over {@code [from, to]}: a {@code WHERE} clause, or nothing for every row. */
    private String where() {
        return switch (rows) {
            case DATED -> DATED_ROWS.formatted(dateColumn);
            case OVERLAPPING -> OVERLAPPING_ROWS;
            case AS_OF -> AS_OF_ROWS.formatted(dateColumn);
            case THROUGH -> THROUGH_ROWS.formatted(dateColumn);
            case ALL -> "";
            case RUN -> RUN_ROWS.formatted(dateColumn);
        };
    }

    /**
     * Reads the rows of a run over {@code [from, to]}, in the table's order, handing each row's values (in
     * {@link #columns()} order) to {@code row} as the export writes them (SPEC §9): dates ISO, decimals plain (computed
     * figures keep their scale, six decimals or cents; input prices, stored with ten, lose their trailing zeros), empty
     * for none, anything else as JDBC's value prints. Issue 22: decimals are read as the driver's text (Connector/J
     * sends them as text: no {@code BigDecimal} is made) and dates as {@code LocalDate} (no {@code Calendar}).
     */
    public void forEachRowAsText(org.springframework.jdbc.core.JdbcTemplate jdbc, LocalDate from, LocalDate to,
                                 java.util.function.Consumer<String[]> row) {
        int[][] types = {null};
        jdbc.query(query(), (java.sql.ResultSet rs) -> {
            if (types[0] == null) {
                types[0] = ReportData.types(rs.getMetaData());
            }
            String[] values = new String[types[0].length];
            for (int i = 0; i < values.length; i++) {
                values[i] = text(rs, i + 1, types[0][i]);
            }
            row.accept(values);
        }, arguments(from, to));
    }

    private static String text(java.sql.ResultSet rs, int column, int type) throws java.sql.SQLException {
        switch (type) {
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> {
                String text = rs.getString(column);
                return text == null ? "" : decimal(text);
            }
            case java.sql.Types.DATE -> {
                LocalDate date = ReportData.day(rs, column);
                return date == null ? "" : date.toString();
            }
            case java.sql.Types.VARCHAR, java.sql.Types.CHAR, java.sql.Types.LONGVARCHAR, java.sql.Types.CLOB -> {
                String text = rs.getString(column);
                return text == null ? "" : text;
            }
            default -> {
                Object value = rs.getObject(column);
                if (value instanceof java.math.BigDecimal number) {
                    return decimal(number.toPlainString());
                }
                if (value instanceof java.sql.Date date) {
                    return date.toLocalDate().toString();
                }
                return value == null ? "" : value.toString();
            }
        }
    }

    /**
     * A decimal's text as the export writes it: as it is with six decimals or fewer, else without its trailing zeros
     * (and without the point if none is left), as {@code BigDecimal.stripTrailingZeros().toPlainString()} would; a
     * driver's text in exponent form goes through {@code BigDecimal}.
     */
    static String decimal(String text) {
        if (text.indexOf('E') >= 0 || text.indexOf('e') >= 0) {
            java.math.BigDecimal number = new java.math.BigDecimal(text);
            return (number.scale() > 6 ? number.stripTrailingZeros() : number).toPlainString();
        }
        int point = text.indexOf('.');
        if (point < 0 || text.length() - point - 1 <= 6) {
            return text;
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (end - 1 == point) {
            end--;
        }
        String plain = text.substring(0, end);
        return plain.equals("-0") ? "0" : plain;
    }

    /** The number of rows of a run over {@code [from, to]}. */
    public long count(org.springframework.jdbc.core.JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        return jdbc.queryForObject(COUNT.formatted(String.join(", ", columns), table, where()), Long.class,
                arguments(from, to));
    }

    /**
     * The number of rows of a run over {@code [from, to]} whose {@code keyColumn} is one of
     * {@code keys}: found by the table's key and date (its primary key leads with them) instead of by
     * reading every row, a few hundred keys a statement.
     */
    public long count(org.springframework.jdbc.core.JdbcTemplate jdbc, LocalDate from, LocalDate to, String keyColumn,
                      java.util.List<String> keys) {
        long count = 0;
        String where = where();
        String keyed = (where.isEmpty() ? "WHERE " : where + " AND ") + keyColumn + " IN (%s)";
        for (int first = 0; first < keys.size(); first += KEYS_PER_STATEMENT) {
            java.util.List<String> chunk = keys.subList(first, Math.min(keys.size(), first + KEYS_PER_STATEMENT));
            java.util.List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList(arguments(from, to)));
            args.addAll(chunk);
            count += jdbc.queryForObject(COUNT.formatted(String.join(", ", columns), table,
                    keyed.formatted(String.join(",", java.util.Collections.nCopies(chunk.size(), "?")))), Long.class,
                    args.toArray());
        }
        return count;
    }

    /** Keys named in one {@code IN} list: below MariaDB's conversion of long lists to a table (1,000), which loses the date range. */
    private static final int KEYS_PER_STATEMENT = 500;

    /** The arguments of {@link #query()} for a run over {@code [from, to]}. */
    Object[] arguments(LocalDate from, LocalDate to) {
        return switch (rows) {
            case DATED -> new Object[] {Date.valueOf(from), Date.valueOf(to)};
            case OVERLAPPING -> new Object[] {Date.valueOf(to), Date.valueOf(from)};
            case AS_OF, THROUGH -> new Object[] {Date.valueOf(to)};
            case ALL -> new Object[0];
            case RUN -> new Object[] {Date.valueOf(from), Date.valueOf(to)};
        };
    }
}
