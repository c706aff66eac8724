package org.debentures.compliance.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.dealfile.DealFileException;
import org.debentures.compliance.job.DealBookProvider;
import org.debentures.compliance.report.CsvExporter;
import org.debentures.compliance.report.ReportWriter;
import org.debentures.compliance.store.run.RunRecordTables;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar debenture-compliance.jar report [--from=D] [--to=D] [--export-dir=DIR]}: writes the
 * CSV exports, the workbook and the HTML report of a stored range from the reporting database,
 * without running the job. Without dates: the range of the last completed run.
 */
@Component
public class ReportCommand {

    private final JdbcTemplate jdbc;
    private final DealBookProvider deals;

    public ReportCommand(JdbcTemplate jdbc, DealBookProvider deals) {
        this.jdbc = jdbc;
        this.deals = deals;
    }

    public int writeReports(Environment env) {
        RunOptions options;
        try {
            options = RunOptions.from(env, LocalDate.now());
        } catch (IllegalArgumentException e) {
            System.err.println("Report refused: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Optional<RunRecordTables.Range> last = new RunRecordTables(jdbc).lastCompletedRange();
        if (last.isEmpty() && (options.from().isEmpty() || options.to().isEmpty())) {
            System.err.println("Report refused: no completed run is stored; give --from and --to");
            return ExitCodes.BAD_INPUT;
        }
        LocalDate from = options.from().orElseGet(() -> last.get().from());
        LocalDate to = options.to().orElseGet(() -> last.get().to());
        if (from.isAfter(to)) {
            System.err.println("Report refused: --from " + from + " is after --to " + to);
            return ExitCodes.BAD_INPUT;
        }
        Path dir = options.exportDir().orElse(Path.of("reports"));
        // the CSV export (database and disk) beside the site and workbooks (mostly charts: the processors)
        java.util.concurrent.CompletableFuture<?> csv = java.util.concurrent.CompletableFuture.runAsync(() -> {
            long csvStarted = System.nanoTime();
            new CsvExporter(jdbc).export(dir, from, to);
            org.slf4j.LoggerFactory.getLogger(ReportCommand.class).info("report: CSV export written in {} ms",
                    (System.nanoTime() - csvStarted) / 1_000_000);
        });
        org.debentures.compliance.terms.DealBook book;
        try {
            book = deals.dealBook(options.dataDir().toAbsolutePath().normalize());
        } catch (DealFileException e) {
            System.err.println("Report refused: the deal files cannot be used:\n" + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        long started = System.nanoTime();
        List<Path> files = new ReportWriter(jdbc, book).write(dir, from, to);
        try {
            csv.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Reports for " + from + " .. " + to + " written to " + dir.toAbsolutePath() + " in "
                + String.format("%.1f s", millis / 1000.0) + ": open " + files.get(0).toAbsolutePath() + " (" + book.deals().size()
                + " deal pages, treasury pages under treasury/, what-changed.txt, workbooks)");
        return ExitCodes.OK;
    }
}
