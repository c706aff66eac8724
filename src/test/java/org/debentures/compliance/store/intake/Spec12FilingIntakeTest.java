package org.debentures.compliance.store.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.FilingLogResolution;
import org.debentures.compliance.intake.FilingRowRule;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.intake.KnownSubjects;
import org.debentures.compliance.terms.DealBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.job.intake.CsvFilesReader;
import org.debentures.compliance.job.intake.CsvRecord;
import org.debentures.compliance.job.intake.FilingIntakeProcessor;
import org.debentures.compliance.job.intake.InputFiles;
import org.debentures.compliance.job.intake.IntakeWriter;
import org.debentures.compliance.store.StoreTest;

/**
 * SPEC §12 (v2) filings-log columns through the intake as the job runs it (reader, processor,
 * {@code staged_filing}, resolution), on an embedded database with the job's migrations: a version-1
 * file and a version-2 file side by side, the new fields stored and read back, and per file
 * read = accepted + duplicate + rejected (SPEC §2).
 */
class Spec12FilingIntakeTest extends StoreTest {

    private static final DealBook BOOK = new DealFileLoader().load(Path.of("data").toAbsolutePath(), Map.of());
    private static final LocalDate WED_2003_12_31 = LocalDate.of(2003, 12, 31);
    private static final LocalDate WED_2004_03_31 = LocalDate.of(2004, 3, 31);
    private static final LocalDate TUE_2004_02_24 = LocalDate.of(2004, 2, 24);

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private StagedFilingTable filings;
    private IntakeWriter writer;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("filing-log-v2");
        InputRejectTable rejects = new InputRejectTable(jdbc);
        filings = new StagedFilingTable(jdbc, rejects);
        writer = new IntakeWriter(new StagedPriceTable(jdbc, rejects, new RestatementTable(jdbc)), filings, rejects);
    }

    /** Reads, checks, stages and resolves the filings folder; returns each file's read count. */
    private Map<String, Long> intake() {
        CsvFilesReader reader = new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, "filings"),
                FilingRowRule.REQUIRED_COLUMNS, writer::discard);
        FilingIntakeProcessor processor = new FilingIntakeProcessor(KnownSubjects.of(BOOK),
                new IntakeWindow(BOOK, LocalDate.parse("2007-03-29")));
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<IntakeItem> items = new ArrayList<>();
        for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
            items.add(processor.process(record));
        }
        reader.update(context);
        reader.close();
        writer.write(new Chunk<>(items));
        Map<String, BigDecimal> principals = new TreeMap<>();
        BOOK.deals().forEach(deal -> deal.instruments().forEach(i -> principals.put(i.id(), i.principal())));
        filings.applyOutcomes(FilingLogResolution.resolve(filings.stagedFilings(), principals));
        return CsvFilesReader.readCounts(context);
    }

    /** Per file: "read accepted duplicate rejected". */
    private Map<String, String> reconciliation(Map<String, Long> read) {
        Map<String, StagedFileTable.FileRows> counts = new StagedFileTable(jdbc).countsByFile(null).counts();
        Map<String, String> lines = new TreeMap<>();
        read.forEach((file, n) -> {
            StagedFileTable.FileRows c = counts.getOrDefault(file, StagedFileTable.FileRows.NONE);
            lines.put(file, n + " " + c.accepted() + " " + c.duplicate() + " " + c.rejected());
        });
        return lines;
    }

    @Test
    void aVersion1LogAndAVersion2LogAreReadSideBySide() throws IOException {
        Files.createDirectories(dataDir.resolve("filings"));
        Files.writeString(dataDir.resolve("filings/a-2003.csv"), """
                date,type,subject,amount,shares,ratio,price,document,note
                2003-07-01,INTEREST_PAID,HALIFAX-2002,62150.31,,,,,
                2003-12-15,CONVERSION_DEFAULT_PAID,HALIFAX-2002,410.96,,,,,
                """);
        // a version-2 file: the new columns, in another order, empty where unused
        Files.writeString(dataDir.resolve("filings/b-2004.csv"), """
                date,type,subject,period_end,amount,shares,ratio,price,document,note,clause,effective_date
                2003-07-01,INTEREST_PAID,HALIFAX-2002,,62150.31,,,,,,,
                2004-01-05,PENALTY_PAID,HALIFAX-2002,2003-12-31,100.00,,,,WAIVER-2003-08,,6(d)(ix),
                2004-01-05,PENALTY_PAID,HALIFAX-2002,2004-03-31,100.00,,,,WAIVER-2003-08,,6(d)(ix),
                2004-02-17,PENALTY_PAID,BRAMWELL-2002,,250.00,,,,RN-1,,,2004-02-24
                2004-02-18,PENALTY_PAID,BRAMWELL-2002,2004-02-31,250.00,,,,,,,
                2004-02-18,PENALTY_PAID,BRAMWELL-2002,,250.00,,,,,,6(d)(xii),
                """);
        Map<String, Long> read = intake();

        assertEquals(Map.of("filings/a-2003.csv", "2 2 0 0", "filings/b-2004.csv", "6 3 1 2"), reconciliation(read));
        assertEquals(List.of("filings/b-2004.csv line 6: period_end '2004-02-31' is not a real calendar date",
                        "filings/b-2004.csv line 7: clause '6(d)(xii)' is not a clause the log may name: 6(d)(i) .. 6(d)(xi)"
                                + " (Debenture 6(d), SPEC §13) or 4(h)(i) .. 4(h)(v) (Debenture 4(h), SPEC §15)"),
                jdbc.query("SELECT file_name, line_number, reason FROM input_reject ORDER BY file_name, line_number",
                        (rs, i) -> rs.getString(1) + " line " + rs.getLong(2) + ": " + rs.getString(3)));

        // the version-1 rows: no clause, period end or effective date
        IntakeFacts facts = new IntakeFacts(jdbc);
        List<FilingEvent> halifax = facts.events("HALIFAX-2002", List.of(EventType.values()), LocalDate.parse("2007-03-28"));
        assertEquals(List.of(EventType.INTEREST_PAID, EventType.CONVERSION_DEFAULT_PAID, EventType.PENALTY_PAID,
                EventType.PENALTY_PAID), halifax.stream().map(FilingEvent::type).toList());
        assertEquals(new FilingEvent(LocalDate.parse("2003-07-01"), EventType.INTEREST_PAID, "HALIFAX-2002",
                new BigDecimal("62150.3100000000"), null, null, null, null, null), halifax.get(0));
        // the version-2 rows: the two that differ only in period_end are both there
        assertEquals(List.of("6(d)(ix) " + WED_2003_12_31, "6(d)(ix) " + WED_2004_03_31),
                halifax.subList(2, 4).stream().map(e -> e.clause() + " " + e.periodEnd()).toList());
        FilingEvent notice = facts.events("BRAMWELL-2002", List.of(EventType.PENALTY_PAID), LocalDate.parse("2007-03-28"))
                .get(0);
        assertEquals(TUE_2004_02_24, notice.effectiveDate());
        assertNull(notice.clause());
        assertNull(notice.periodEnd());
    }
}
