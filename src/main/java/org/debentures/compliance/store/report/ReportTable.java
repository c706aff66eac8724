package org.debentures.compliance.store.report;

import java.util.List;

/**
 * One table of a report: a title, the audience's column headings, and rows of typed values
 * (String, java.time.LocalDate, java.math.BigDecimal, Number, Boolean or null), so that the
 * workbook writes real dates and numbers and the HTML formats them.
 *
 * @param numberFormats per column: an Excel number format for numeric columns (e.g. "#,##0.00"), or null
 */
public record ReportTable(String title, String audience, List<String> headings, List<String> numberFormats,
                          List<List<Object>> rows) {

    public ReportTable {
        headings = List.copyOf(headings);
        numberFormats = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(numberFormats));
        rows = List.copyOf(rows);
    }
}
