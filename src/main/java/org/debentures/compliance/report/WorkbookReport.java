package org.debentures.compliance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The spreadsheet report ({@code .xlsx}, Apache POI): a sheet per table. Dates are real dates and amounts real
 * numbers with formats; the heading row is frozen and has filters. Issue 22: written with POI's streaming workbook
 * (100 rows in memory at a time) from rows streamed out of the database, so that a portfolio's workbook takes bounded
 * memory; a sheet stops at Excel's row limit with a last row saying how many rows were left out.
 */
public final class WorkbookReport {

    private static final int MAX_COLUMN_WIDTH = 80 * 256;
    /**
     * The rows of one sheet (issue 22: sheets stay bounded, so that the workbook of a portfolio is written in bounded
     * time and opens in a spreadsheet): beyond it, a last row says how many rows were left out; every row is in the
     * CSV export.
     */
    public static final int MAX_ROWS = 50_000;

    /**
     * One sheet: its name, headings, per column a number format or null, and its rows, given to a consumer: at least
     * the first {@link #MAX_ROWS} (more are left out), returning how many rows the table has in all.
     */
    public record SheetSource(String name, List<String> headings, List<String> numberFormats,
                              java.util.function.ToLongFunction<java.util.function.Consumer<List<Object>>> rows) {
    }

    /** Writes the workbook to {@code file}. */
    public void write(Path file, String title, List<SheetSource> tables) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(false); // faster; the temporary files go when the workbook is disposed
        try {
            CreationHelper helper = workbook.getCreationHelper();
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            Map<String, CellStyle> numberStyles = new HashMap<>();
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
            for (SheetSource table : tables) {
                Sheet sheet = workbook.createSheet(sheetName(table.name()));
                Row head = sheet.createRow(0);
                int[] widths = new int[table.headings().size()];
                for (int c = 0; c < table.headings().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(table.headings().get(c));
                    cell.setCellStyle(heading);
                    widths[c] = table.headings().get(c).length() + 4;
                }
                int[] r = {1};
                long total = table.rows().applyAsLong(values -> {
                    if (r[0] > MAX_ROWS) {
                        return;
                    }
                    Row row = sheet.createRow(r[0]++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        int width;
                        if (value instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                            width = 11;
                        } else if (value instanceof Number n) {
                            cell.setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
                            String format = table.numberFormats().get(c);
                            if (format != null) {
                                cell.setCellStyle(numberStyles.computeIfAbsent(format, f -> {
                                    CellStyle style = workbook.createCellStyle();
                                    style.setDataFormat(helper.createDataFormat().getFormat(f));
                                    return style;
                                }));
                            }
                            width = 16;
                        } else if (value instanceof Boolean b) {
                            cell.setCellValue(b);
                            width = 6;
                        } else {
                            cell.setCellValue(value.toString());
                            width = value.toString().length() + 2;
                        }
                        if (c < widths.length && width > widths[c]) {
                            widths[c] = width;
                        }
                    }
                });
                long leftOut = total - (r[0] - 1);
                if (leftOut > 0) {
                    sheet.createRow(r[0]++).createCell(0).setCellValue(leftOut + " more rows left out (a sheet holds at"
                            + " most " + MAX_ROWS + "): all rows are in the CSV export (" + table.name() + ")");
                }
                sheet.createFreezePane(0, 1);
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r[0] - 1), 0, table.headings().size() - 1));
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, Math.min(MAX_COLUMN_WIDTH, widths[c] * 256));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static String sheetName(String name) {
        String safe = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return safe.length() <= 31 ? safe : safe.substring(0, 31);
    }
}
