package org.debentures.compliance.store.report;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One table of a report, as the query that yields it (issue 22: a report streams its rows from the database, never
 * holding a table in memory): a title, the audience, the column its rows are selected by for one deal's page (an
 * instrument, agreement, deal or exception subject), the SQL (ending with its ORDER BY) and its arguments, the
 * audience's column headings, and per column an Excel number format for numeric columns (e.g. "#,##0.00") or null.
 * Values are String, java.time.LocalDate, java.math.BigDecimal, Number, Boolean or null.
 *
 * @param rowFilter null, or a fresh per-stream row transformer (it may return null to leave a row out)
 */
public record ReportQuery(String title, String audience, String keyColumn, String sql, List<String> headings,
                          List<String> numberFormats, Object[] args, Supplier<UnaryOperator<List<Object>>> rowFilter) {

    public ReportQuery {
        headings = List.copyOf(headings);
        numberFormats = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(numberFormats));
    }

    public ReportQuery withRowFilter(Supplier<UnaryOperator<List<Object>>> filter) {
        return new ReportQuery(title, audience, keyColumn, sql, headings, numberFormats, args, filter);
    }
}
