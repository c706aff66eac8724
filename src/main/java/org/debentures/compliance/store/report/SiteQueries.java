package org.debentures.compliance.store.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the report site's action lists and charts read (issue 22), one deal at a time: the deal's subjects
 * (instruments, agreements, the deal, its symbol) go in as IN lists, so that a page reads only its own rows and the
 * site is written in bounded memory. {@code legal} selects the audience: the legal_* views, or the treasury_* views
 * (which never carry filings-log notes or Allowed Delay reasons: possibly material non-public information).
 */
public final class SiteQueries {

    private final JdbcTemplate jdbc;

    public SiteQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An exception open on the run's last day (or opened or closed by the run, for the digest). */
    public record OpenException(String severity, String code, String subject, String clause, LocalDate start,
                                LocalDate end, String status, String message, Long firstSeenRun, Long closedInRun) {
        public boolean eventOfDefault() {
            return "EVENT_OF_DEFAULT".equals(code);
        }
    }

    /** An amount owed on the run's last day: to whom, on which instrument, what, and under which clause. */
    public record Owed(String holder, String instrument, String kind, String clause, BigDecimal amount) {
    }

    /** A deadline within the horizon. */
    public record Deadline(LocalDate due, String dealId, String subject, String obligation, String clause,
                           BigDecimal amount, String detail) {
    }

    /** The run a report is of, and the completed run before it (the "what changed" baseline). */
    public record Runs(Optional<Long> current, Optional<Long> previous, Optional<LocalDate> previousTo) {
    }

    private static final String SEVERITY_ORDER = """
            CASE WHEN code = 'EVENT_OF_DEFAULT' THEN 0 WHEN severity = 'CRITICAL' THEN 1 WHEN severity = 'HIGH' THEN 2
                 WHEN severity = 'WARNING' THEN 3 ELSE 4 END""";

    /** The exceptions of {@code subjects} open on {@code asOf}: Events of Default first, then by severity and date. */
    public List<OpenException> openExceptions(Collection<String> subjects, LocalDate asOf, boolean legal) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        String sql = """
                SELECT severity, code, subject, clause, start_date, end_date, status, %s, %s, %s
                FROM %s
                WHERE subject IN (%s) AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
                ORDER BY %s, start_date, subject, clause""".formatted("message", "first_seen_run_id", "closed_in_run_id",
                legal ? "legal_exceptions" : "treasury_exceptions", marks(subjects), SEVERITY_ORDER);
        List<Object> args = new ArrayList<>(subjects);
        args.add(d(asOf));
        args.add(d(asOf));
        return jdbc.query(sql, (rs, i) -> exception(rs), args.toArray());
    }

    /** The exceptions of {@code subjects} that run {@code run} opened or closed. */
    public List<OpenException> changedBy(Collection<String> subjects, long run, boolean legal) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(subjects);
        args.add(run);
        args.add(run);
        return jdbc.query("""
                SELECT severity, code, subject, clause, start_date, end_date, status, message, first_seen_run_id,
                       closed_in_run_id
                FROM %s
                WHERE subject IN (%s) AND (first_seen_run_id = ? OR closed_in_run_id = ?)
                ORDER BY %s, start_date, subject, clause""".formatted(legal ? "legal_exceptions" : "treasury_exceptions",
                marks(subjects), SEVERITY_ORDER),
                (rs, i) -> exception(rs), args.toArray());
    }

    private static OpenException exception(ResultSet rs) throws SQLException {
        return new OpenException(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ReportData.day(rs, 5), ReportData.day(rs, 6), rs.getString(7),
                rs.getString(8), (Long) nullableLong(rs, 9), (Long) nullableLong(rs, 10));
    }

    private static Object nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * What is owed on {@code asOf} on {@code instruments}, per Holder: liquidated damages and the other penalty kinds
     * (penalty balances), interest and default interest due and unpaid, and Mandatory Redemption Prices noticed and not
     * paid (their late interest is a penalty kind of its own); zero balances left out.
     */
    public List<Owed> owed(Collection<String> instruments, LocalDate asOf) {
        if (instruments.isEmpty()) {
            return List.of();
        }
        String in = marks(instruments);
        List<Object> args = new ArrayList<>();
        args.add(d(asOf));
        args.addAll(instruments);
        args.add(d(asOf));
        args.addAll(instruments);
        args.add(d(asOf));
        args.addAll(instruments);
        args.add(d(asOf));
        args.addAll(instruments);
        return jdbc.query("""
                SELECT holder, instrument_id, kind, clause, amount FROM (
                    SELECT holder, instrument_id, kind, CASE kind WHEN 'CONVERSION_DEFAULT' THEN 'Debenture 3(e)'
                           WHEN 'REDEMPTION_LATE_INTEREST' THEN 'Debenture 6(c)(ii)' ELSE 'RRA 2(d)' END AS clause, SUM(outstanding) AS amount
                    FROM treasury_penalty_balance WHERE as_of_date = ? AND instrument_id IN (%1$s)
                    GROUP BY holder, instrument_id, kind
                    UNION ALL
                    SELECT '' AS holder, instrument_id, 'INTEREST' AS kind, 'Debenture 2(a)' AS clause,
                           SUM(amount_due) - SUM(COALESCE(amount_paid, 0)) AS amount
                    FROM treasury_interest_due WHERE due_date <= ? AND instrument_id IN (%1$s) GROUP BY instrument_id
                    UNION ALL
                    SELECT '' AS holder, instrument_id, 'DEFAULT_INTEREST' AS kind, 'Debenture 2(b)' AS clause,
                           SUM(amount_due) - SUM(COALESCE(amount_paid, 0)) AS amount
                    FROM treasury_default_interest WHERE accrual_month <= ? AND instrument_id IN (%1$s)
                    GROUP BY instrument_id
                    UNION ALL
                    SELECT '' AS holder, instrument_id, 'MANDATORY_REDEMPTION' AS kind, 'Debenture 6(a)-(c)' AS clause,
                           SUM(price) AS amount
                    FROM treasury_mandatory_redemptions
                    WHERE notice_date <= ? AND paid_date IS NULL AND instrument_id IN (%1$s) GROUP BY instrument_id
                ) o WHERE amount <> 0
                ORDER BY holder, instrument_id, kind""".formatted(in),
                (rs, i) -> new Owed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5)), args.toArray());
    }

    /** The deadlines of {@code deals} due from {@code asOf} through {@code asOf + days}, as computed on {@code asOf}. */
    public List<Deadline> deadlines(Collection<String> deals, LocalDate asOf, int days, boolean legal) {
        if (deals.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(d(asOf));
        args.add(d(asOf));
        args.add(d(asOf.plusDays(days)));
        args.addAll(deals);
        return jdbc.query("""
                SELECT due_date, deal_id, subject, obligation, clause, amount, detail FROM %s
                WHERE as_of_date = ? AND due_date BETWEEN ? AND ? AND deal_id IN (%s)
                ORDER BY due_date, deal_id, subject, obligation""".formatted(
                legal ? "legal_upcoming_deadlines" : "treasury_upcoming_deadlines", marks(deals)),
                (rs, i) -> new Deadline(ReportData.day(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7)), args.toArray());
    }

    /**
     * (agreement, date, reason codes) of the default days of {@code agreements} after {@code after} through {@code to}:
     * codes only, never the explanation (which may quote an Allowed Delay reason), so that treasury pages may show it.
     */
    public List<Object[]> defaultDaysBetween(Collection<String> agreements, LocalDate after, LocalDate to) {
        if (agreements.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(agreements);
        args.add(d(after));
        args.add(d(to));
        return jdbc.query("""
                SELECT agreement_id, default_date, reasons FROM legal_registration_default_days
                WHERE agreement_id IN (%s) AND default_date > ? AND default_date <= ?
                ORDER BY agreement_id, default_date""".formatted(marks(agreements)),
                (rs, i) -> new Object[] {rs.getString(1), ReportData.day(rs, 2), rs.getString(3)}, args.toArray());
    }

    /** (date, instrument, type, amount) of the payments of {@code instruments} after {@code after} through {@code to}. */
    public List<Object[]> paymentsBetween(Collection<String> instruments, LocalDate after, LocalDate to) {
        if (instruments.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(instruments);
        args.add(d(after));
        args.add(d(to));
        return jdbc.query("""
                SELECT payment_date, instrument_id, event_type, amount FROM treasury_payments
                WHERE instrument_id IN (%s) AND payment_date > ? AND payment_date <= ?
                ORDER BY payment_date, instrument_id, event_type""".formatted(marks(instruments)),
                (rs, i) -> new Object[] {ReportData.day(rs, 1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4)}, args.toArray());
    }

    /**
     * The run the report shows (the latest run, started or completed, whose range ends on {@code to}; else the latest
     * completed run) and the completed run before it, with that run's last day.
     */
    public Runs runs(LocalDate to) {
        List<Long> current = jdbc.queryForList("""
                SELECT MAX(run_id) FROM job_run WHERE range_to = ? AND outcome IN ('STARTED', 'COMPLETED')""",
                Long.class, d(to));
        Long run = current.isEmpty() ? null : current.get(0);
        if (run == null) {
            List<Long> completed = jdbc.queryForList("SELECT MAX(run_id) FROM job_run WHERE outcome = 'COMPLETED'",
                    Long.class);
            run = completed.isEmpty() ? null : completed.get(0);
        }
        if (run == null) {
            return new Runs(Optional.empty(), Optional.empty(), Optional.empty());
        }
        List<Object[]> previous = jdbc.query("""
                SELECT run_id, range_to FROM job_run WHERE outcome = 'COMPLETED' AND run_id < ?
                ORDER BY run_id DESC""", (rs, i) -> new Object[] {rs.getLong(1), ReportData.day(rs, 2)}, run);
        if (previous.isEmpty()) {
            return new Runs(Optional.of(run), Optional.empty(), Optional.empty());
        }
        return new Runs(Optional.of(run), Optional.of((Long) previous.get(0)[0]),
                Optional.of((LocalDate) previous.get(0)[1]));
    }

    // ------------------------------------------------------------------ chart series of one deal

    /** (instrument, date, vwap, threshold, window start, window count, met) of {@code instruments}, by date. */
    public List<Object[]> vwapTests(Collection<String> instruments, LocalDate from, LocalDate to) {
        if (instruments.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(instruments);
        args.add(d(from));
        args.add(d(to));
        return jdbc.query("""
                SELECT instrument_id, trade_date, vwap, threshold, window_start, window_count, met FROM legal_vwap_test
                WHERE instrument_id IN (%s) AND trade_date BETWEEN ? AND ? ORDER BY instrument_id, trade_date"""
                .formatted(marks(instruments)), (rs, i) -> new Object[] {rs.getString(1), ReportData.day(rs, 2),
                rs.getBigDecimal(3), rs.getBigDecimal(4), ReportData.day(rs, 5),
                rs.getObject(6), rs.getBoolean(7)}, args.toArray());
    }

    /** (date, Market Price or null, unavailable reason or null) of {@code symbol}, by date. */
    public List<Object[]> marketPrices(String symbol, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT price_date, market_price, unavailable_reason FROM market_price
                WHERE symbol = ? AND price_date BETWEEN ? AND ? ORDER BY price_date""",
                (rs, i) -> new Object[] {ReportData.day(rs, 1), rs.getBigDecimal(2), rs.getString(3)}, symbol,
                d(from), d(to));
    }

    /** (agreement, date, reasons) of the default days of {@code agreements} in the range. */
    public List<Object[]> defaultDays(Collection<String> agreements, LocalDate from, LocalDate to) {
        return defaultDaysBetween(agreements, from.minusDays(1), to);
    }

    /**
     * (holder, date, kind, amount) of the money of {@code instruments} by {@code to}, for the amounts-over-time chart:
     * penalty accruals by day ({@code PENALTY}), interest due on its due date ({@code INTEREST_DUE}) and paid on its
     * paid date ({@code INTEREST_PAID}); the holder of an interest row is its instrument (the caller names the Holder).
     */
    public List<Object[]> moneyOverTime(Collection<String> instruments, LocalDate to) {
        if (instruments.isEmpty()) {
            return List.of();
        }
        String in = marks(instruments);
        List<Object> args = new ArrayList<>(instruments);
        args.add(d(to));
        args.addAll(instruments);
        args.add(d(to));
        args.addAll(instruments);
        args.add(d(to));
        return jdbc.query("""
                SELECT holder, on_day, kind, amount FROM (
                    SELECT holder, accrual_date AS on_day, 'PENALTY' AS kind, SUM(amount) AS amount
                    FROM treasury_penalty_accruals WHERE instrument_id IN (%1$s) AND accrual_date <= ?
                    GROUP BY holder, accrual_date
                    UNION ALL
                    SELECT instrument_id AS holder, due_date AS on_day, 'INTEREST_DUE' AS kind, amount_due AS amount
                    FROM treasury_interest_due WHERE instrument_id IN (%1$s) AND due_date <= ?
                    UNION ALL
                    SELECT instrument_id AS holder, paid_date AS on_day, 'INTEREST_PAID' AS kind, amount_paid AS amount
                    FROM treasury_interest_due WHERE instrument_id IN (%1$s) AND paid_date <= ? AND amount_paid > 0
                ) m ORDER BY on_day, holder, kind""".formatted(in),
                (rs, i) -> new Object[] {rs.getString(1), ReportData.day(rs, 2), rs.getString(3),
                        rs.getBigDecimal(4)}, args.toArray());
    }

    /** (instrument, effective date, price after, clause, adjusted, price before) of {@code instruments} by {@code to}. */
    public List<Object[]> conversionPriceChanges(Collection<String> instruments, LocalDate to) {
        if (instruments.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(instruments);
        args.add(d(to));
        return jdbc.query("""
                SELECT instrument_id, effective_date, conversion_price, clause, adjusted, price_before
                FROM legal_conversion_price_history WHERE instrument_id IN (%s) AND effective_date <= ?
                ORDER BY instrument_id, effective_date, seq""".formatted(marks(instruments)),
                (rs, i) -> new Object[] {rs.getString(1), ReportData.day(rs, 2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBigDecimal(6)}, args.toArray());
    }

    /** (agreement, date, required, registered, maintain line, cure line, shortfall) of {@code agreements}. */
    public List<Object[]> coverageDays(Collection<String> agreements, LocalDate from, LocalDate to) {
        if (agreements.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(agreements);
        args.add(d(from));
        args.add(d(to));
        return jdbc.query("""
                SELECT agreement_id, coverage_date, required_shares, registered_shares, maintain_line, cure_line, shortfall
                FROM legal_registration_coverage WHERE agreement_id IN (%s) AND coverage_date BETWEEN ? AND ?
                ORDER BY agreement_id, coverage_date""".formatted(marks(agreements)),
                (rs, i) -> new Object[] {rs.getString(1), ReportData.day(rs, 2), rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getObject(7) == null ? null : rs.getLong(7)}, args.toArray());
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static Date d(LocalDate date) {
        return Date.valueOf(date);
    }
}
