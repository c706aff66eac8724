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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.debentures.compliance.store.report.ReportTable;

/**
 * The spreadsheet report ({@code .xlsx}, Apache POI): a sheet per table, the Legal part first, then
 * the Treasury part. Dates are real dates and amounts real numbers with formats; the heading row is
 * frozen and has filters.
 */
public final class WorkbookReport {

    private static final int MAX_COLUMN_WIDTH = 80 * 256;

    /** Writes the workbook to {@code file}. */
    public void write(Path file, String title, List<ReportTable> tables) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
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
            workbook.getProperties().getCoreProperties().setTitle(title);
            for (ReportTable table : tables) {
                Sheet sheet = workbook.createSheet(sheetName(table));
                Row head = sheet.createRow(0);
                for (int c = 0; c < table.headings().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(table.headings().get(c));
                    cell.setCellStyle(heading);
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
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
                        } else if (value instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.headings().size() - 1));
                for (int c = 0; c < table.headings().size(); c++) {
                    sheet.autoSizeColumn(c);
                    if (sheet.getColumnWidth(c) > MAX_COLUMN_WIDTH) {
                        sheet.setColumnWidth(c, MAX_COLUMN_WIDTH);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static String sheetName(ReportTable table) {
        String name = table.audience() + " - " + table.title();
        return name.length() <= 31 ? name : name.substring(0, 31);
    }
}
