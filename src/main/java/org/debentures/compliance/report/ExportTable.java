package org.debentures.compliance.report;

import java.util.List;

/**
 * The output tables of SPEC §8 as exported (one CSV per table, named after it, with the §8 column
 * names as header), and which of a run's rows belong to its range.
 */
public enum ExportTable {
    MARKET_PRICE("market_price", List.of("symbol", "price_date", "market_price"),
            "price_date BETWEEN ? AND ?", "symbol, price_date"),
    VWAP_TEST("vwap_test", List.of("instrument_id", "trade_date", "vwap", "threshold", "above", "window_count", "met"),
            "trade_date BETWEEN ? AND ?", "instrument_id, trade_date"),
    REGISTRATION_DEFAULT_DAY("registration_default_day",
            List.of("agreement_id", "default_date", "reasons", "day_index", "rate"),
            "default_date BETWEEN ? AND ?", "agreement_id, default_date"),
    INTEREST_ACCRUAL("interest_accrual", List.of("instrument_id", "accrual_date", "principal", "interest_base",
            "regular_interest", "default_interest"), "accrual_date BETWEEN ? AND ?", "instrument_id, accrual_date"),
    INTEREST_DUE("interest_due", List.of("instrument_id", "due_date", "amount_due", "amount_paid", "paid_date"),
            "due_date BETWEEN ? AND ?", "instrument_id, due_date"),
    PENALTY_ACCRUAL("penalty_accrual", List.of("instrument_id", "holder", "accrual_date", "kind", "base_amount",
            "rate", "amount"), "accrual_date BETWEEN ? AND ?", "instrument_id, accrual_date, kind"),
    COMPLIANCE_EXCEPTION("compliance_exception", List.of("code", "severity", "subject", "start_date", "end_date",
            "status", "message"), "start_date <= ? AND (end_date IS NULL OR end_date >= ?)",
            "subject, code, start_date"),
    INPUT_REJECT("input_reject", List.of("file_name", "line_number", "raw_line", "reason"), null,
            "file_name, line_number");

    private final String table;
    private final List<String> columns;
    private final String rangeCondition;
    private final String orderBy;

    ExportTable(String table, List<String> columns, String rangeCondition, String orderBy) {
        this.table = table;
        this.columns = columns;
        this.rangeCondition = rangeCondition;
        this.orderBy = orderBy;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** The query for the rows of a range; its two parameters are the range's first and last day (or last and first). */
    public String query() {
        return "SELECT " + String.join(", ", columns) + " FROM " + table
                + (rangeCondition == null ? "" : " WHERE " + rangeCondition) + " ORDER BY " + orderBy;
    }

    /** True when the range condition takes (to, from) rather than (from, to). */
    boolean toFirst() {
        return this == COMPLIANCE_EXCEPTION;
    }

    boolean ranged() {
        return rangeCondition != null;
    }
}
