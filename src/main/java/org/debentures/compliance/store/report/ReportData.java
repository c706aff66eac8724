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

    public ReportData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReportTable> legal(LocalDate from, LocalDate to) {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(table("Exceptions", "Legal", """
                SELECT severity, code, subject, clause, start_date, end_date, status, message, first_seen_run_id,
                       last_seen_run_id, closed_in_run_id
                FROM legal_exceptions
                WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'WARNING' THEN 2 ELSE 3 END,
                         start_date, subject, code, clause""", List.of("Severity", "Code", "Subject", "Clause", "Start", "End", "Status",
                "Message", "First seen (run)", "Last seen (run)", "Closed in (run)"),
                Arrays.asList(null, null, null, null, null, null, null, null, INT, INT, INT), d(to), d(from)));
        tables.add(table("Events of Default", "Legal", """
                SELECT subject, clause, start_date, end_date, status,
                       CASE WHEN code = 'WAIVER_PENDING' THEN 'waiver pending (8(c))'
                            WHEN message LIKE '%(waived from %' THEN 'ended by a waiver (8(c)): see the message'
                            ELSE '' END AS waiver,
                       '' AS redemption,
                       message
                FROM legal_exceptions
                WHERE code IN ('EVENT_OF_DEFAULT', 'WAIVER_PENDING') AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                ORDER BY subject, start_date, clause, code""", List.of("Instrument", "Clause", "Start", "End", "Status",
                "Waiver", "Mandatory Redemption", "Message"),
                Arrays.asList(null, null, null, null, null, null, null, null), d(to), d(from)));
        withNotices(tables.get(tables.size() - 1), to);
        tables.add(table("Covenants", "Legal", """
                SELECT deal_id, clause, period_end, months, target, actual, headroom, headroom_share, met, state, breach_date
                FROM legal_covenant_tests WHERE period_end <= ?
                ORDER BY deal_id, period_end, clause, months""", List.of("Deal", "Clause", "Period end", "Months",
                "Target", "Actual", "Headroom", "Headroom %", "Met", "State", "Breach date"),
                Arrays.asList(null, null, null, INT, MONEY, MONEY, MONEY, "0.0%", null, null, null), d(to)));
        tables.add(table("Conversion Prices", "Legal", """
                SELECT instrument_id, effective_date, seq, clause, event, price_before, conversion_price, vwap_test_price,
                       shares_outstanding, market_price, terms
                FROM legal_conversion_price_history WHERE effective_date <= ?
                ORDER BY instrument_id, effective_date, seq""", List.of("Instrument", "Effective", "#", "Clause", "Event",
                "Price before", "Conversion Price", "5(c)(ii) price", "Shares outstanding (O)", "Market Price (MP)",
                "Terms"), Arrays.asList(null, null, INT, null, null, null, null, null, INT, null, null), d(to)));
        tables.add(coverageChanges(from, to));
        tables.add(table("Default days", "Legal", """
                SELECT agreement_id, default_date, reasons, day_index, rate, clause, explanation
                FROM legal_registration_default_days WHERE default_date BETWEEN ? AND ?
                ORDER BY agreement_id, default_date""", List.of("Agreement", "Default day", "Reasons", "Day index",
                "Rate", "Clause", "Explanation"), Arrays.asList(null, null, null, INT, "0.0%", null, null), d(from), d(to)));
        tables.add(table("Deadlines", "Legal", """
                SELECT due_date, deal_id, subject, obligation, clause, amount, detail
                FROM legal_upcoming_deadlines WHERE as_of_date = ? ORDER BY due_date, subject, obligation, deal_id""",
                List.of("Due", "Deal", "Subject", "Obligation", "Clause", "Amount", "Detail"),
                Arrays.asList(null, null, null, null, null, MONEY, null), d(to)));
        tables.add(table("Readiness", "Legal", """
                SELECT instrument_id, condition_id, description, state, met_since, evidence, notice_date,
                       earliest_conversion_date
                FROM legal_conversion_readiness WHERE as_of_date = ?
                ORDER BY instrument_id, condition_id""", List.of("Instrument", "Condition", "Description", "State",
                "Met since", "Evidence", "Notice date", "Earliest Mandatory Conversion Date"),
                Arrays.asList(null, null, null, null, null, null, null, null), d(to)));
        tables.add(table("Ownership caps", "Legal", """
                SELECT instrument_id, state, evidence
                FROM legal_conversion_readiness WHERE as_of_date = ? AND condition_id = '5(c)(vii)'
                ORDER BY instrument_id""", List.of("Instrument", "5(c)(vii) converting all unpaid principal",
                "Shares, position, cap and headroom (Debenture 3(f))"), Arrays.asList(null, null, null), d(to)));
        tables.add(table("Readings", "Legal", """
                SELECT run_id, run_kind, range_from, range_to, deal_id, switch_name, switch_value
                FROM legal_readings
                WHERE run_id = (SELECT MAX(run_id) FROM legal_readings WHERE range_to = ? AND outcome = 'COMPLETED')
                ORDER BY deal_id, switch_name""",
                List.of("Run", "Kind", "From", "To", "Deal", "Switch", "Reading"),
                Arrays.asList(INT, null, null, null, null, null, null), d(to)));
        return tables;
    }

    public List<ReportTable> treasury(LocalDate from, LocalDate to) {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(table("Accruals by month", "Treasury", """
                SELECT holder, instrument_id, kind, accrual_month, accrued, amount_due, amount_paid, outstanding
                FROM treasury_penalty_balance WHERE as_of_date = ?
                ORDER BY holder, accrual_month, kind, instrument_id""", List.of("Holder", "Instrument", "Kind", "Month", "Accrued",
                "Due", "Paid", "Outstanding"), Arrays.asList(null, null, null, null, SIX, MONEY, MONEY, MONEY), d(to)));
        tables.add(table("Interest dues", "Treasury", """
                SELECT instrument_id, due_date, period_start, period_days, amount_due, amount_paid, paid_date,
                       adjusted_due_date, status, clause
                FROM treasury_interest_due WHERE due_date BETWEEN ? AND ?
                ORDER BY instrument_id, due_date""", List.of("Instrument", "Due date",
                "Period start", "Days", "Amount due", "Paid", "Paid on", "Pay by", "Status", "Clause"),
                Arrays.asList(null, null, null, INT, MONEY, MONEY, null, null, null, null), d(from), d(to)));
        tables.add(table("Default interest", "Treasury", """
                SELECT instrument_id, accrual_month, accrued, amount_due, due_by, amount_paid, paid_date, clause
                FROM treasury_default_interest WHERE due_by >= ? AND accrual_month <= ?
                ORDER BY instrument_id, accrual_month""", List.of("Instrument", "Month",
                "Accrued", "Due", "Due by", "Paid", "Paid on", "Clause"),
                Arrays.asList(null, null, SIX, MONEY, null, MONEY, null, null), d(from), d(to)));
        tables.add(table("Payments", "Treasury", """
                SELECT payment_date, instrument_id, event_type, amount, file_name, line_number
                FROM treasury_payments WHERE payment_date BETWEEN ? AND ?
                ORDER BY payment_date, instrument_id""", List.of("Date", "Instrument", "Type", "Amount", "File", "Line"),
                Arrays.asList(null, null, null, MONEY, null, INT), d(from), d(to)));
        tables.add(table("Outstanding", "Treasury", """
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
                ORDER BY i.instrument_id, i.kind""", List.of("Instrument", "Kind", "Due",
                "Paid", "Outstanding"), Arrays.asList(null, null, MONEY, MONEY, MONEY), d(to), d(to), d(to)));
        tables.add(table("Redemption notices", "Treasury", """
                SELECT instrument_id, notice_date, reference, redemption_date, principal, interest, price, pay_by,
                       paid_date, late_interest, status, explanation
                FROM treasury_mandatory_redemptions WHERE notice_date <= ?
                ORDER BY instrument_id, notice_date, reference""", List.of("Instrument", "Notice", "Reference",
                "Mandatory Redemption Date", "Principal", "Interest", "Price", "Pay by", "Paid in full", "Late interest",
                "Status", "Note"), Arrays.asList(null, null, null, null, MONEY, MONEY, MONEY, null, null, MONEY, null, null),
                d(to)));
        tables.add(table("Redemption prices", "Treasury", """
                SELECT instrument_id, price_date, clauses, principal, accrued_interest, market_price, premium_value,
                       conversion_value, redemption_price
                FROM treasury_redemption_prices WHERE price_date BETWEEN ? AND ?
                ORDER BY instrument_id, price_date""",
                List.of("Instrument", "Day", "Events of Default", "Principal", "Accrued interest", "Market Price",
                        "120% branch", "Conversion branch", "Mandatory Redemption Price"),
                Arrays.asList(null, null, null, MONEY, MONEY, SIX, MONEY, MONEY, MONEY), d(from), d(to)));
        return tables;
    }

    /** (date, vwap, threshold, window_start, window_count, met) of one instrument's counted Trading Days. */
    public List<Object[]> vwapSeries(String instrumentId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT trade_date, vwap, threshold, window_start, window_count, met FROM legal_vwap_test
                WHERE instrument_id = ? AND trade_date BETWEEN ? AND ? ORDER BY trade_date""", (rs, i) -> new Object[] {
                rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getBigDecimal(3),
                rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getObject(5), rs.getBoolean(6)},
                instrumentId, d(from), d(to));
    }

    /** Instruments with VWAP test rows in the range, with the 20-of-30 requirement of their deal. */
    public List<String> vwapInstruments(LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                SELECT DISTINCT instrument_id FROM legal_vwap_test WHERE trade_date BETWEEN ? AND ?
                ORDER BY instrument_id""", String.class, d(from), d(to));
    }

    /**
     * Fills the "Mandatory Redemption" column of the Events of Default: the notices of the instrument dated from the
     * run's first day through 10 days after its last (the notice window of 6(a) is at most a few Business Days), with
     * their status; "no notice" when there is none.
     */
    private void withNotices(ReportTable events, LocalDate to) {
        List<Object[]> notices = jdbc.query("""
                SELECT instrument_id, notice_date, status FROM treasury_mandatory_redemptions WHERE notice_date <= ?
                ORDER BY instrument_id, notice_date, reference""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)}, d(to));
        for (List<Object> row : events.rows()) {
            if (!"".equals(row.get(5)) && String.valueOf(row.get(5)).startsWith("waiver pending")) {
                continue; // a WAIVER_PENDING row
            }
            LocalDate start = (LocalDate) row.get(2);
            LocalDate end = (LocalDate) row.get(3);
            List<String> named = new ArrayList<>();
            for (Object[] n : notices) {
                LocalDate date = (LocalDate) n[1];
                if (n[0].equals(row.get(0)) && !date.isBefore(start) && (end == null || !date.isAfter(end.plusDays(10)))) {
                    named.add("notice of " + date + ": " + n[2]);
                }
            }
            row.set(6, named.isEmpty() ? "no notice" : String.join("; ", named));
        }
    }

    /** (deal, period end, months, target, actual) of the EBITDA Target Periods ending by {@code to} (SPEC §12). */
    public List<Object[]> ebitdaTests(LocalDate to) {
        return jdbc.query("""
                SELECT deal_id, period_end, months, target, actual FROM legal_covenant_tests
                WHERE clause = '6(d)(ix)' AND period_end <= ? ORDER BY deal_id, period_end, months""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)}, d(to));
    }

    /**
     * SPEC §16 share coverage, one row per agreement and day on which a figure changes (the daily rows are in
     * {@code registration_coverage} and the export): the first day of the range and each change after it.
     */
    private ReportTable coverageChanges(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        Object[] previous = {null, null, null};
        for (Object[] day : coverageDays(from, to)) {
            if (!day[0].equals(previous[0]) || !java.util.Objects.equals(day[2], previous[1])
                    || !java.util.Objects.equals(day[3], previous[2])) {
                rows.add(java.util.Arrays.asList(day));
            }
            previous = new Object[] {day[0], day[2], day[3]};
        }
        return new ReportTable("Share coverage", "Legal", List.of("Agreement", "From", "Required shares",
                "Registered shares", "125% line", "150% line", "Shortfall (shares)"),
                Arrays.asList(null, null, INT, INT, INT, INT, INT), rows);
    }

    /** (agreement, date, required, registered, maintain line, cure line, shortfall) of the range (SPEC §16). */
    public List<Object[]> coverageDays(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT agreement_id, coverage_date, required_shares, registered_shares, maintain_line, cure_line, shortfall
                FROM legal_registration_coverage WHERE coverage_date BETWEEN ? AND ?
                ORDER BY agreement_id, coverage_date""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getObject(7) == null ? null : rs.getLong(7)}, d(from), d(to));
    }

    /**
     * (instrument, effective date, price after, clause, adjusted, price before) of every Conversion Price event by
     * {@code to} (SPEC §15), in order.
     */
    public List<Object[]> conversionPriceChanges(LocalDate to) {
        return jdbc.query("""
                SELECT instrument_id, effective_date, conversion_price, clause, adjusted, price_before
                FROM legal_conversion_price_history WHERE effective_date <= ? ORDER BY instrument_id, effective_date, seq""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBigDecimal(6)}, d(to));
    }

    /** (agreement, date, reasons) of the default days in the range. */
    public List<Object[]> defaultDays(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT agreement_id, default_date, reasons FROM legal_registration_default_days
                WHERE default_date BETWEEN ? AND ? ORDER BY agreement_id, default_date""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)}, d(from), d(to));
    }

    /** (holder, date, amount) of every penalty accrual up to the range's end, for cumulative curves. */
    public List<Object[]> penaltyAccruals(LocalDate to) {
        return jdbc.query("""
                SELECT holder, accrual_date, SUM(amount) FROM treasury_penalty_accruals WHERE accrual_date <= ?
                GROUP BY holder, accrual_date ORDER BY holder, accrual_date""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)}, d(to));
    }

    private ReportTable table(String title, String audience, String sql, List<String> headings, List<String> formats,
                              Object... args) {
        List<List<Object>> rows = jdbc.query(sql, (rs, i) -> row(rs), args);
        return new ReportTable(title, audience, headings, formats, rows);
    }

    private static List<Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Object> row = new ArrayList<>(meta.getColumnCount());
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = rs.getObject(c);
            if (value instanceof Date date) {
                value = date.toLocalDate();
            } else if (value instanceof java.sql.Timestamp ts) {
                value = ts.toLocalDateTime().toLocalDate();
            } else if (value instanceof LocalDate || value instanceof BigDecimal || value instanceof Number
                    || value instanceof Boolean || value == null) {
                // kept as is
            } else {
                value = String.valueOf(value);
            }
            row.add(value);
        }
        return row;
    }

    private static Date d(LocalDate date) {
        return Date.valueOf(date);
    }
}
