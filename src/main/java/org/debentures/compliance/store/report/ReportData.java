package org.debentures.compliance.store.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything the reports show for a range {@code [from, to]}, read from the audience views of the
 * reporting database, so that a report over any stored range needs no job run: the Legal part
 * (exceptions, default days, deadlines, readiness, readings used) and the Treasury part (accruals by
 * month and Holder, interest dues, payments, outstanding amounts), plus the chart series.
 */
public final class ReportData {

    static final String MONEY = "#,##0.00";
    static final String SIX = "#,##0.000000";
    static final String INT = "0";

    private final JdbcTemplate jdbc;

    /** The same database, fetching rows as they are read. */
    private final JdbcTemplate streaming;

    public ReportData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = streaming(jdbc);
    }

    /**
     * A template on the same database that fetches rows as they are read: Connector/J otherwise holds a whole result
     * set in memory (a portfolio's interest accruals are millions of rows), so every report and export streams through it.
     */
    public static JdbcTemplate streaming(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(mysql(jdbc) ? Integer.MIN_VALUE : 1000);
        return streaming;
    }

    private static boolean mysql(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && (product.toLowerCase(java.util.Locale.ROOT).contains("mysql")
                || product.toLowerCase(java.util.Locale.ROOT).contains("mariadb"));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public List<ReportQuery> legal(LocalDate from, LocalDate to) {
        List<ReportQuery> tables = new ArrayList<>();
        tables.add(table("Exceptions", "Legal", "subject", """
                SELECT severity, code, subject, clause, start_date, end_date, status, message, first_seen_run_id,
                       last_seen_run_id, closed_in_run_id
                FROM legal_exceptions
                WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'WARNING' THEN 2 ELSE 3 END,
                         start_date, subject, code, clause""", List.of("Severity", "Code", "Subject", "Clause", "Start", "End", "Status",
                "Message", "First seen (run)", "Last seen (run)", "Closed in (run)"),
                Arrays.asList(null, null, null, null, null, null, null, null, INT, INT, INT), d(to), d(from)));
        tables.add(table("Events of Default", "Legal", "subject", """
                SELECT subject, clause, start_date, end_date, status,
                       CASE WHEN code = 'WAIVER_PENDING' THEN 'waiver pending (8(c))'
                            WHEN message LIKE '%(waived from %' THEN 'ended by a waiver (8(c)): see the message'
                            ELSE '' END AS waiver,
                       '' AS redemption,
                       message
                FROM legal_exceptions
                WHERE code IN ('EVENT_OF_DEFAULT', 'WAIVER_PENDING') AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                ORDER BY subject, start_date, clause, waiver""", List.of("Instrument", "Clause", "Start", "End", "Status",
                "Waiver", "Mandatory Redemption", "Message"),
                Arrays.asList(null, null, null, null, null, null, null, null), d(to), d(from)));
        tables.set(tables.size() - 1, tables.get(tables.size() - 1).withRowFilter(() -> withNotices(to)));
        tables.add(table("Covenants", "Legal", "deal_id", """
                SELECT deal_id, clause, period_end, months, target, actual, headroom, headroom_share, met, state, breach_date
                FROM legal_covenant_tests WHERE period_end <= ?
                ORDER BY deal_id, period_end, clause, months""", List.of("Deal", "Clause", "Period end", "Months",
                "Target", "Actual", "Headroom", "Headroom %", "Met", "State", "Breach date"),
                Arrays.asList(null, null, null, INT, MONEY, MONEY, MONEY, "0.0%", null, null, null), d(to)));
        tables.add(table("Conversion Prices", "Legal", "instrument_id", """
                SELECT instrument_id, effective_date, seq, clause, event, price_before, conversion_price, vwap_test_price,
                       shares_outstanding, market_price, terms
                FROM legal_conversion_price_history WHERE effective_date <= ?
                ORDER BY instrument_id, effective_date, seq""", List.of("Instrument", "Effective", "#", "Clause", "Event",
                "Price before", "Conversion Price", "5(c)(ii) price", "Shares outstanding (O)", "Market Price (MP)",
                "Terms"), Arrays.asList(null, null, INT, null, null, null, null, null, INT, null, null), d(to)));
        tables.add(coverageChanges(from, to));
        tables.add(table("Default days", "Legal", "agreement_id", """
                SELECT agreement_id, default_date, reasons, day_index, rate, clause, explanation
                FROM legal_registration_default_days WHERE default_date BETWEEN ? AND ?
                ORDER BY agreement_id, default_date""", List.of("Agreement", "Default day", "Reasons", "Day index",
                "Rate", "Clause", "Explanation"), Arrays.asList(null, null, null, INT, "0.0%", null, null), d(from), d(to)));
        tables.add(table("Deadlines", "Legal", "deal_id", """
                SELECT due_date, deal_id, subject, obligation, clause, amount, detail
                FROM legal_upcoming_deadlines WHERE as_of_date = ? ORDER BY due_date, subject, obligation, deal_id""",
                List.of("Due", "Deal", "Subject", "Obligation", "Clause", "Amount", "Detail"),
                Arrays.asList(null, null, null, null, null, MONEY, null), d(to)));
        tables.add(table("Readiness", "Legal", "instrument_id", """
                SELECT instrument_id, condition_id, description, state, met_since, evidence, notice_date,
                       earliest_conversion_date
                FROM legal_conversion_readiness WHERE as_of_date = ?
                ORDER BY instrument_id, condition_id""", List.of("Instrument", "Condition", "Description", "State",
                "Met since", "Evidence", "Notice date", "Earliest Mandatory Conversion Date"),
                Arrays.asList(null, null, null, null, null, null, null, null), d(to)));
        tables.add(table("Ownership caps", "Legal", "instrument_id", """
                SELECT instrument_id, state, evidence
                FROM legal_conversion_readiness WHERE as_of_date = ? AND condition_id = '5(c)(vii)'
                ORDER BY instrument_id""", List.of("Instrument", "5(c)(vii) converting all unpaid principal",
                "Shares, position, cap and headroom (Debenture 3(f))"), Arrays.asList(null, null, null), d(to)));
        tables.add(table("Readings", "Legal", "deal_id", """
                SELECT run_id, run_kind, range_from, range_to, deal_id, switch_name, switch_value
                FROM legal_readings
                WHERE run_id = (SELECT MAX(run_id) FROM legal_readings WHERE range_to = ? AND outcome = 'COMPLETED')
                ORDER BY deal_id, switch_name""",
                List.of("Run", "Kind", "From", "To", "Deal", "Switch", "Reading"),
                Arrays.asList(INT, null, null, null, null, null, null), d(to)));
        return tables;
    }

    public List<ReportQuery> treasury(LocalDate from, LocalDate to) {
        List<ReportQuery> tables = new ArrayList<>();
        tables.add(table("Accruals by month", "Treasury", "instrument_id", """
                SELECT holder, instrument_id, kind, accrual_month, accrued, amount_due, amount_paid, outstanding
                FROM treasury_penalty_balance WHERE as_of_date = ?
                ORDER BY holder, accrual_month, kind, instrument_id""", List.of("Holder", "Instrument", "Kind", "Month", "Accrued",
                "Due", "Paid", "Outstanding"), Arrays.asList(null, null, null, null, SIX, MONEY, MONEY, MONEY), d(to)));
        tables.add(table("Interest dues", "Treasury", "instrument_id", """
                SELECT instrument_id, due_date, period_start, period_days, amount_due, amount_paid, paid_date,
                       adjusted_due_date, status, clause
                FROM treasury_interest_due WHERE due_date BETWEEN ? AND ?
                ORDER BY instrument_id, due_date""", List.of("Instrument", "Due date",
                "Period start", "Days", "Amount due", "Paid", "Paid on", "Pay by", "Status", "Clause"),
                Arrays.asList(null, null, null, INT, MONEY, MONEY, null, null, null, null), d(from), d(to)));
        tables.add(table("Default interest", "Treasury", "instrument_id", """
                SELECT instrument_id, accrual_month, accrued, amount_due, due_by, amount_paid, paid_date, clause
                FROM treasury_default_interest WHERE due_by >= ? AND accrual_month <= ?
                ORDER BY instrument_id, accrual_month""", List.of("Instrument", "Month",
                "Accrued", "Due", "Due by", "Paid", "Paid on", "Clause"),
                Arrays.asList(null, null, SIX, MONEY, null, MONEY, null, null), d(from), d(to)));
        tables.add(table("Payments", "Treasury", "instrument_id", """
                SELECT payment_date, instrument_id, event_type, amount, file_name, line_number
                FROM treasury_payments WHERE payment_date BETWEEN ? AND ?
                ORDER BY payment_date, instrument_id""", List.of("Date", "Instrument", "Type", "Amount", "File", "Line"),
                Arrays.asList(null, null, null, MONEY, null, INT), d(from), d(to)));
        tables.add(table("Outstanding", "Treasury", "instrument_id", """
                SELECT i.instrument_id, i.kind, i.due, i.paid, i.outstanding FROM (
                    SELECT instrument_id, kind, SUM(amount_due) AS due, SUM(amount_paid) AS paid,
                           SUM(outstanding) AS outstanding
                    FROM treasury_penalty_balance WHERE as_of_date = ? GROUP BY instrument_id, kind
                    UNION ALL
                    SELECT instrument_id, 'INTEREST' AS kind, SUM(amount_due), SUM(amount_paid),
                           SUM(amount_due) - SUM(amount_paid)
                    FROM treasury_interest_due WHERE due_date <= ? GROUP BY instrument_id
                    UNION ALL
                    SELECT instrument_id, 'DEFAULT_INTEREST' AS kind, SUM(amount_due), SUM(amount_paid),
                           SUM(amount_due) - SUM(amount_paid)
                    FROM treasury_default_interest WHERE accrual_month <= ? GROUP BY instrument_id) i
                ORDER BY instrument_id, kind""", List.of("Instrument", "Kind", "Due",
                "Paid", "Outstanding"), Arrays.asList(null, null, MONEY, MONEY, MONEY), d(to), d(to), d(to)));
        tables.add(table("Redemption notices", "Treasury", "instrument_id", """
                SELECT instrument_id, notice_date, reference, redemption_date, principal, interest, price, pay_by,
                       paid_date, late_interest, status, explanation
                FROM treasury_mandatory_redemptions WHERE notice_date <= ?
                ORDER BY instrument_id, notice_date, reference""", List.of("Instrument", "Notice", "Reference",
                "Mandatory Redemption Date", "Principal", "Interest", "Price", "Pay by", "Paid in full", "Late interest",
                "Status", "Note"), Arrays.asList(null, null, null, null, MONEY, MONEY, MONEY, null, null, MONEY, null, null),
                d(to)));
        tables.add(table("Redemption prices", "Treasury", "instrument_id", """
                SELECT instrument_id, price_date, clauses, principal, accrued_interest, market_price, premium_value,
                       conversion_value, redemption_price
                FROM treasury_redemption_prices WHERE price_date BETWEEN ? AND ?
                ORDER BY instrument_id, price_date""",
                List.of("Instrument", "Day", "Events of Default", "Principal", "Accrued interest", "Market Price",
                        "120% branch", "Conversion branch", "Mandatory Redemption Price"),
                Arrays.asList(null, null, null, MONEY, MONEY, SIX, MONEY, MONEY, MONEY), d(from), d(to)));
        return tables;
    }

    /**
     * Fills the "Mandatory Redemption" column of the Events of Default: the notices of the instrument dated from the
     * Event's first day through 10 days after its last (the notice window of 6(a) is at most a few Business Days), with
     * their status; "no notice" when there is none.
     */
    private java.util.function.UnaryOperator<List<Object>> withNotices(LocalDate to) {
        java.util.Map<String, List<Object[]>> byInstrument = new java.util.HashMap<>();
        jdbc.query("""
                SELECT instrument_id, notice_date, status FROM treasury_mandatory_redemptions WHERE notice_date <= ?
                ORDER BY instrument_id, notice_date, reference""", (java.sql.ResultSet rs) -> {
            byInstrument.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                    day(rs, 2), rs.getString(3)});
        }, d(to));
        return row -> {
            if (String.valueOf(row.get(5)).startsWith("waiver pending")) {
                return row; // a WAIVER_PENDING row
            }
            LocalDate start = (LocalDate) row.get(2);
            LocalDate end = (LocalDate) row.get(3);
            List<String> named = new ArrayList<>();
            for (Object[] n : byInstrument.getOrDefault((String) row.get(0), List.of())) {
                LocalDate date = (LocalDate) n[0];
                if (!date.isBefore(start) && (end == null || !date.isAfter(end.plusDays(10)))) {
                    named.add("notice of " + date + ": " + n[1]);
                }
            }
            row.set(6, named.isEmpty() ? "no notice" : String.join("; ", named));
            return row;
        };
    }

    /** (deal, period end, months, target, actual) of the EBITDA Target Periods ending by {@code to} (SPEC §12). */
    public List<Object[]> ebitdaTests(String dealId, LocalDate to) {
        if (dealId != null) {
            return jdbc.query("""
                    SELECT deal_id, period_end, months, target, actual FROM legal_covenant_tests
                    WHERE clause = '6(d)(ix)' AND deal_id = ? AND period_end <= ? ORDER BY period_end, months""",
                    (rs, i) -> new Object[] {rs.getString(1), day(rs, 2), rs.getInt(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5)}, dealId, d(to));
        }
        return jdbc.query("""
                SELECT deal_id, period_end, months, target, actual FROM legal_covenant_tests
                WHERE clause = '6(d)(ix)' AND period_end <= ? ORDER BY deal_id, period_end, months""",
                (rs, i) -> new Object[] {rs.getString(1), day(rs, 2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)}, d(to));
    }

    /**
     * SPEC §16 share coverage, one row per agreement and day on which a figure changes (the daily rows are in
     * {@code registration_coverage} and the export): the first day of the range and each change after it.
     */
    private ReportQuery coverageChanges(LocalDate from, LocalDate to) {
        return new ReportQuery("Share coverage", "Legal", "agreement_id", """
                SELECT agreement_id, coverage_date, required_shares, registered_shares, maintain_line, cure_line, shortfall
                FROM legal_registration_coverage WHERE coverage_date BETWEEN ? AND ?
                ORDER BY agreement_id, coverage_date""", List.of("Agreement", "From", "Required shares",
                "Registered shares", "125% line", "150% line", "Shortfall (shares)"),
                Arrays.asList(null, null, INT, INT, INT, INT, INT), new Object[] {d(from), d(to)}, () -> {
                    Object[] previous = {null, null, null};
                    return day -> {
                        boolean changed = !day.get(0).equals(previous[0]) || !java.util.Objects.equals(day.get(2), previous[1])
                                || !java.util.Objects.equals(day.get(3), previous[2]);
                        previous[0] = day.get(0);
                        previous[1] = day.get(2);
                        previous[2] = day.get(3);
                        return changed ? day : null;
                    };
                });
    }

    private static ReportQuery table(String title, String audience, String keyColumn, String sql, List<String> headings,
                                     List<String> formats, Object... args) {
        return new ReportQuery(title, audience, keyColumn, sql, headings, formats, args, null);
    }

    /**
     * Streams the rows of {@code query} to {@code out}, in its order, limited to the rows whose key column is one of
     * {@code keys} (all rows when null); at most {@code limit} rows go to {@code out}.
     *
     * @return the number of rows that matched (including those beyond the limit)
     */
    public long stream(ReportQuery query, java.util.Collection<String> keys, long limit,
                       java.util.function.Consumer<List<Object>> out) {
        String sql = query.sql();
        List<Object> args = new ArrayList<>(Arrays.asList(query.args()));
        if (keys != null) {
            if (keys.isEmpty()) {
                return 0;
            }
            int order = sql.lastIndexOf("ORDER BY");
            sql = "SELECT * FROM (" + sql.substring(0, order) + ") t WHERE t." + query.keyColumn() + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")\n" + sql.substring(order);
            args.addAll(keys);
        }
        java.util.function.UnaryOperator<List<Object>> filter = query.rowFilter() == null ? null : query.rowFilter().get();
        // issue 22: without a row filter the database stops at the limit, and counts the rest only when there is one
        // (a deal page shows 400 rows of its 4,500 daily accruals; a workbook's sheet 50,000 of the portfolio's 1.3
        // million): reading and decoding rows that are only counted was a third of the report's database time
        boolean limited = filter == null && limit < Long.MAX_VALUE;
        String select = limited ? sql + "\nLIMIT " + limit : sql;
        long[] matched = {0};
        int[][] types = {null};
        streaming.query(select, (ResultSet rs) -> {
            if (types[0] == null) {
                types[0] = types(rs.getMetaData());
            }
            List<Object> row = row(rs, types[0]);
            if (filter != null && (row = filter.apply(row)) == null) {
                return;
            }
            if (matched[0]++ < limit) {
                out.accept(row);
            }
        }, args.toArray());
        if (limited && matched[0] == limit) {
            String counted = "SELECT COUNT(*) FROM (" + sql.substring(0, sql.lastIndexOf("ORDER BY")) + ") c";
            Long all = streaming.queryForObject(counted, Long.class, args.toArray());
            matched[0] = all == null ? matched[0] : all;
        }
        return matched[0];
    }

    /** The JDBC types of a result's columns, read once a query (not once a row). */
    static int[] types(ResultSetMetaData meta) throws SQLException {
        int[] types = new int[meta.getColumnCount()];
        for (int c = 0; c < types.length; c++) {
            types[c] = meta.getColumnType(c + 1);
        }
        return types;
    }

    private static List<Object> row(ResultSet rs, int[] types) throws SQLException {
        List<Object> row = new ArrayList<>(types.length);
        for (int c = 1; c <= types.length; c++) {
            Object value;
            if (types[c - 1] == java.sql.Types.DATE) {
                value = day(rs, c);
            } else if (types[c - 1] == java.sql.Types.TIMESTAMP) {
                java.time.LocalDateTime time = rs.getObject(c, java.time.LocalDateTime.class);
                value = time == null ? null : time.toLocalDate();
            } else {
                value = rs.getObject(c);
                if (value instanceof Date date) {
                    value = date.toLocalDate();
                } else if (!(value instanceof LocalDate || value instanceof BigDecimal || value instanceof Number
                        || value instanceof Boolean || value == null)) {
                    value = String.valueOf(value);
                }
            }
            row.add(value);
        }
        return row;
    }

    /**
     * A DATE column as a {@link LocalDate} (null for NULL). Issue 22: read as {@code LocalDate} directly, not through
     * {@code getDate}, for which Connector/J makes a {@code Calendar} on every call (a sixth of the report's database
     * reading on the bench portfolio).
     */
    static LocalDate day(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Date d(LocalDate date) {
        return Date.valueOf(date);
    }
}
