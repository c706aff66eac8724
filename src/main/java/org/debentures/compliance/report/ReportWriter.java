package org.debentures.compliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.store.report.ReportData;
import org.debentures.compliance.store.report.ReportTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the two reports a person opens without SQL, for any stored range: the workbook
 * ({@code compliance-report-FROM-TO.xlsx}) and the HTML page ({@code compliance-report-FROM-TO.html}).
 */
public final class ReportWriter {

    /** The 20-of-30 requirement shaded on the VWAP chart (the deal file's, typical 20). */
    private final int requiredTradingDays;
    private final ReportData data;

    public ReportWriter(JdbcTemplate jdbc, int requiredTradingDays) {
        this.data = new ReportData(jdbc);
        this.requiredTradingDays = requiredTradingDays;
    }

    /** @return the files written */
    public List<Path> write(Path directory, LocalDate from, LocalDate to) {
        try {
            Files.createDirectories(directory);
            String title = "Debenture compliance report " + from + " .. " + to;
            List<ReportTable> legal = data.legal(from, to);
            List<ReportTable> treasury = data.treasury(from, to);
            List<ReportTable> all = new ArrayList<>(legal);
            all.addAll(treasury);
            Path xlsx = directory.resolve("compliance-report-" + from + "-" + to + ".xlsx");
            new WorkbookReport().write(xlsx, title, all);

            ReportCharts charts = new ReportCharts();
            List<ReportCharts.Chart> pictures = new ArrayList<>();
            for (String instrument : data.vwapInstruments(from, to)) {
                pictures.add(charts.vwapAgainstThreshold(instrument, data.vwapSeries(instrument, from, to),
                        requiredTradingDays));
            }
            pictures.add(charts.defaultDaysTimeline(data.defaultDays(from, to)));
            // SPEC §15: each instrument's Conversion Price as a step chart, every adjustment labelled
            Map<String, List<Object[]>> changes = new LinkedHashMap<>();
            data.conversionPriceChanges(to).forEach(row -> changes.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(row));
            for (Map.Entry<String, List<Object[]>> instrument : changes.entrySet()) {
                pictures.add(charts.conversionPriceSteps(instrument.getKey(), instrument.getValue(), from, to));
            }
            // SPEC §16: each agreement's registered shares against 125% and 150% of the required shares
            Map<String, List<Object[]>> coverage = new LinkedHashMap<>();
            data.coverageDays(from, to).forEach(row -> coverage.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(row));
            for (Map.Entry<String, List<Object[]>> agreement : coverage.entrySet()) {
                pictures.add(charts.coverage(agreement.getKey(), agreement.getValue()));
            }
            pictures.add(charts.cumulativeAccruals(data.penaltyAccruals(to)));
            Map<String, List<Object[]>> ebitda = new LinkedHashMap<>();
            data.ebitdaTests(to).forEach(row -> ebitda.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row));
            for (Map.Entry<String, List<Object[]>> deal : ebitda.entrySet()) {
                pictures.add(charts.ebitdaAgainstTarget(deal.getKey(), deal.getValue()));
            }
            Map<String, List<ReportTable>> parts = new LinkedHashMap<>();
            parts.put("Legal", legal);
            parts.put("Treasury", treasury);
            Path html = directory.resolve("compliance-report-" + from + "-" + to + ".html");
            new HtmlReport().write(html, title, from, to, pictures, parts);
            return List.of(xlsx, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + directory + ": " + e.getMessage(), e);
        }
    }
}
