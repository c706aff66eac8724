package org.debentures.compliance.job.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** SPEC §2 file formats: header required in any order, BOM, RFC 4180 quoting; every line accounted for. */
class CsvFilesReaderTest {

    private static final List<String> PRICE_COLUMNS = List.of("symbol", "date", "closing_bid");

    @TempDir
    Path dataDir;

    private Path file(String name, byte[] content) throws IOException {
        Path file = dataDir.resolve("prices/closing-bid").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<CsvRecord> readAll(ExecutionContext context) {
        CsvFilesReader reader = new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, "prices/closing-bid"), PRICE_COLUMNS);
        reader.open(context);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.read(); r != null; r = reader.read()) {
            records.add(r);
        }
        reader.update(context);
        reader.close();
        return records;
    }

    @Test
    void bomAnyColumnOrderQuotesAndCrlf() throws IOException {
        file("a.csv", "\uFEFFDate,Closing_Bid,Symbol\r\n2004-09-08,\"3.25\",RMTR\r\n\"2004-09-09\",3.10,\"RM\"\"TR\"\r\n");
        List<CsvRecord> records = readAll(new ExecutionContext());
        assertEquals(2, records.size());
        assertEquals(Map.of("date", "2004-09-08", "closing_bid", "3.25", "symbol", "RMTR"), records.get(0).fields());
        assertEquals("RM\"TR", records.get(1).fields().get("symbol"));
        assertEquals(3, records.get(1).ref().line());
        assertEquals("prices/closing-bid/a.csv", records.get(0).ref().fileName());
    }

    @Test
    void aQuotedLineBreakKeepsTheRecordTogether() throws IOException {
        file("a.csv", "symbol,date,closing_bid\nRMTR,2004-09-08,\"3.\n25\"\nRMTR,2004-09-09,3.10\n");
        List<CsvRecord> records = readAll(new ExecutionContext());
        assertEquals(2, records.size());
        assertEquals("3.\n25", records.get(0).fields().get("closing_bid"));
        assertEquals("RMTR,2004-09-08,\"3.\n25\"", records.get(0).rawLine());
        assertEquals(4, records.get(1).ref().line());
    }

    @Test
    void structuralProblemsBecomeRecordsWithAProblemNothingIsDropped() throws IOException {
        file("a.csv", "symbol,date,closing_bid\n\nRMTR,2004-09-08\nRMTR,2004-09-09,3.10,extra\nRMTR,2004-09-10,\"3.10\n");
        List<CsvRecord> records = readAll(new ExecutionContext());
        assertEquals(4, records.size());
        assertEquals("blank line", records.get(0).problem());
        assertEquals("line has 2 field(s); the header has 3", records.get(1).problem());
        assertEquals("line has 4 field(s); the header has 3", records.get(2).problem());
        assertTrue(records.get(3).problem().startsWith("a quoted field is not closed before the end of the file"),
                records.get(3).problem());
    }

    @Test
    void aFileWithoutTheRequiredColumnsRejectsItsHeaderAndEveryRow() throws IOException {
        file("a.csv", "RMTR,2004-09-08,3.25\nRMTR,2004-09-09,3.10\n");
        List<CsvRecord> records = readAll(new ExecutionContext());
        assertEquals(2, records.size());
        assertEquals(1, records.get(0).ref().line());
        assertTrue(records.get(0).problem().startsWith("the header (line 1) is not usable: missing column(s)"));
        assertEquals("row of a file whose header is not usable (see line 1)", records.get(1).problem());
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoRows() throws IOException {
        file("a.csv", "");
        file("b.csv", "symbol,date,closing_bid\n");
        ExecutionContext context = new ExecutionContext();
        assertTrue(readAll(context).isEmpty());
        assertEquals(Map.of("prices/closing-bid/a.csv", 0L, "prices/closing-bid/b.csv", 0L),
                CsvFilesReader.readCounts(context));
    }

    @Test
    void invalidUtf8IsRejectedNotGarbled() throws IOException {
        byte[] latin1 = "symbol,date,closing_bid\nRMTR,2004-09-08,3.25\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        file("a.csv", latin1);
        List<CsvRecord> records = readAll(new ExecutionContext());
        assertEquals("not valid UTF-8 text (the file must be UTF-8)", records.get(0).problem());
    }

    @Test
    void filesAreReadInFileNameOrderAndRestartResumesWhereItStopped() throws IOException {
        file("b.csv", "symbol,date,closing_bid\nRMTR,2004-09-10,3.30\n");
        file("a.csv", "symbol,date,closing_bid\nRMTR,2004-09-08,3.25\nRMTR,2004-09-09,3.10\n");
        CsvFilesReader reader = new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, "prices/closing-bid"), PRICE_COLUMNS);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        assertEquals("2004-09-08", reader.read().fields().get("date"));
        reader.update(context); // a chunk committed after the first record
        reader.close();

        CsvFilesReader restarted = new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, "prices/closing-bid"), PRICE_COLUMNS);
        restarted.open(context);
        assertEquals("2004-09-09", restarted.read().fields().get("date"));
        CsvRecord third = restarted.read();
        assertEquals("prices/closing-bid/b.csv", third.ref().fileName());
        assertFalse(third.hasProblem());
        assertNull(restarted.read());
        restarted.update(context);
        assertEquals(Map.of("prices/closing-bid/a.csv", 2L, "prices/closing-bid/b.csv", 1L),
                CsvFilesReader.readCounts(context));
    }

    @Test
    void openingAtASavedPositionDiscardsWhatWasWrittenFromThatPositionOn() throws IOException {
        file("a.csv", "symbol,date,closing_bid\nRMTR,2004-09-08,3.25\nRMTR,2004-09-09,3.10\n");
        file("b.csv", "symbol,date,closing_bid\nRMTR,2004-09-10,3.30\n");
        List<String> discarded = new ArrayList<>();
        CsvFilesReader.RowsPastCheckpoint written = (names, fromLine) -> discarded.add(names + " from line " + fromLine);

        ExecutionContext context = new ExecutionContext();
        CsvFilesReader first = new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, "prices/closing-bid"),
                PRICE_COLUMNS, written);
        first.open(context); // a fresh start: nothing of these files may be there
        first.read();
        first.update(context); // the checkpoint after line 2 of a.csv
        first.close();
        new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, "prices/closing-bid"), PRICE_COLUMNS, written)
                .open(context);

        assertEquals(List.of(
                "[prices/closing-bid/a.csv, prices/closing-bid/b.csv] from line 1",
                "[prices/closing-bid/a.csv, prices/closing-bid/b.csv] from line 3"), discarded);
    }
}
