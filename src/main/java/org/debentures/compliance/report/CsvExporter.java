package org.debentures.compliance.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.debentures.compliance.store.report.ExportTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the output tables of SPEC §8 as CSV (SPEC §9 {@code --export-dir}): one file a table,
 * named after it, with the §8 column names as header and the rows of the run's range; dates ISO,
 * numbers plain decimals, empty for none.
 */
public final class CsvExporter {

    private final JdbcTemplate jdbc;
    /** Rows fetched as they are written (issue 22: a portfolio's export in bounded memory). */
    private final JdbcTemplate streaming;

    public CsvExporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = org.debentures.compliance.store.report.ReportData.streaming(jdbc);
    }

    /** Exports every table; returns the number of rows written per file. */
    public Map<Path, Integer> export(Path exportDir, LocalDate from, LocalDate to) {
        return export(exportDir, from, to, java.util.List.of(ExportTable.values()));
    }

    /** Exports the given tables; returns the number of rows written per file. */
    public Map<Path, Integer> export(Path exportDir, LocalDate from, LocalDate to, java.util.List<ExportTable> tables) {
        Map<Path, Integer> written = new LinkedHashMap<>();
        try {
            Files.createDirectories(exportDir);
            for (ExportTable table : tables) {
                Path file = exportDir.resolve(table.table() + ".csv");
                written.put(file, exportOne(table, file, from, to));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + exportDir + ": " + e.getMessage(), e);
        }
        return written;
    }

    private int exportOne(ExportTable table, Path file, LocalDate from, LocalDate to) throws IOException {
        int[] rows = {0};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeNext(table.columns().toArray(String[]::new), false);
            table.forEachRowAsText(streaming, from, to, values -> {
                csv.writeNext(values, false);
                rows[0]++;
            });
        }
        return rows[0];
    }
}
