package org.debentures.compliance.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.debentures.compliance.store.report.ReportTable;

/**
 * The self-contained HTML report (a Mustache template, charts as PNG data URIs, no network
 * resource): the charts, then the Legal and Treasury parts as tables.
 */
public final class HtmlReport {

    private final Template template;

    public HtmlReport() {
        try (Reader reader = new InputStreamReader(
                HtmlReport.class.getResourceAsStream("/report/report.html.mustache"), StandardCharsets.UTF_8)) {
            template = Mustache.compiler().escapeHTML(true).compile(reader);
        } catch (IOException e) {
            throw new IllegalStateException("report template missing", e);
        }
    }

    public void write(Path file, String title, LocalDate from, LocalDate to, List<ReportCharts.Chart> charts,
                      Map<String, List<ReportTable>> parts) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("from", from.toString());
        model.put("to", to.toString());
        model.put("charts", charts);
        model.put("chartCount", charts.size());
        List<Map<String, Object>> partModels = new ArrayList<>();
        for (Map.Entry<String, List<ReportTable>> part : parts.entrySet()) {
            List<Map<String, Object>> tables = new ArrayList<>();
            for (ReportTable table : part.getValue()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("title", table.title());
                t.put("headings", table.headings());
                t.put("empty", table.rows().isEmpty());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (List<Object> values : table.rows()) {
                    List<Map<String, String>> cells = new ArrayList<>();
                    for (int c = 0; c < values.size(); c++) {
                        cells.add(cell(values.get(c), table.numberFormats().get(c)));
                    }
                    Object first = values.isEmpty() ? null : values.get(0);
                    rows.add(Map.of("cells", cells, "rowClass", first instanceof String s && s.matches("[A-Z]+") ? s : ""));
                }
                t.put("rows", rows);
                tables.add(t);
            }
            partModels.add(Map.of("name", part.getKey(), "tables", tables));
        }
        model.put("parts", partModels);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            template.execute(model, out);
        }
    }

    private static Map<String, String> cell(Object value, String format) {
        if (value == null) {
            return Map.of("kind", "", "text", "");
        }
        if (value instanceof LocalDate date) {
            return Map.of("kind", "date", "text", date.toString());
        }
        if (value instanceof BigDecimal || value instanceof Number) {
            String pattern = format == null || format.equals("0") ? "0" : format.contains("%") ? "0.0##%" : format;
            DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
            f.setRoundingMode(java.math.RoundingMode.HALF_UP);
            return Map.of("kind", "num", "text", f.format(value));
        }
        return Map.of("kind", "", "text", value.toString());
    }
}
