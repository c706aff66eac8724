package org.debentures.compliance.job.intake;

import org.debentures.compliance.store.intake.IntakeItem;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.intake.RowRef;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every CSV file of one input folder in file-name order, then line order (SPEC §2), and
 * hands out one {@link CsvRecord} per record: a header row is required (any column order, names
 * case-insensitive, an optional UTF-8 BOM), fields are RFC 4180 (quoted commas, doubled quotes,
 * quoted line breaks). Nothing is dropped here: a line that cannot be a row (blank, wrong field
 * count, invalid UTF-8, an unterminated quote, too long, or any row of a file whose header is
 * unusable) comes out as a record with a problem, and the processor rejects it.
 *
 * <p>Restartable: the position (file index and next physical line) is saved in the step's
 * execution context; so are the per-file record counts that intake reconciliation checks. On
 * open, the reader first tells its {@link RowsPastCheckpoint} to discard whatever was written
 * from the position it resumes at: rows committed past the last saved position (a process killed
 * between a chunk's rows reaching the disk and its checkpoint doing so) are read and written again,
 * never twice.
 */
public class CsvFilesReader implements ItemStreamReader<CsvRecord> {

    /** Longest record accepted, in characters; a longer one is rejected (and stored truncated). */
    static final int MAX_RECORD_CHARS = IntakeItem.MAX_RAW_LINE_CHARS;
    /** How many physical lines one quoted record may span before its quote counts as unterminated. */
    static final int MAX_RECORD_LINES = 20;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CsvFilesReader.class);
    private static final long PROGRESS_EVERY = 100_000;
    private static final String FILE_INDEX = "file.index";
    private static final String NEXT_LINE = "file.nextLine";
    private static final String READ_COUNTS = "file.readCounts";

    private final Path dataDir;
    private final List<Path> files;
    private final List<String> requiredColumns;
    private final RowsPastCheckpoint written;
    private final Set<String> kept;

    private int fileIndex;
    private BufferedReader reader;
    private String fileName;
    private long physicalLine;          // number of the last physical line taken from the reader
    private long nextLine;              // first physical line not yet handed out in a record
    private List<String> header;        // null: not read yet
    private String headerProblem;       // non-null: every row of the file is rejected
    private final Deque<PendingLine> pushedBack = new ArrayDeque<>();
    private HashMap<String, Long> readCounts = new HashMap<>();

    private record PendingLine(long number, String text) {
    }

    /** Where the rows a reader hands out end up: told, on open, to forget those at or after the resume position. */
    @FunctionalInterface
    public interface RowsPastCheckpoint {

        /**
         * Discards the rows of {@code fileNames.get(0)} from line {@code fromLine} on, and every row
         * of the other files (those come later in reading order). {@code fileNames} may be empty.
         */
        void discard(List<String> fileNames, long fromLine);

        RowsPastCheckpoint NONE = (fileNames, fromLine) -> { };
    }

    /**
     * @param files the files, already in file-name order
     * @param requiredColumns columns every header must name (lower case)
     */
    public CsvFilesReader(Path dataDir, List<Path> files, List<String> requiredColumns) {
        this(dataDir, files, requiredColumns, RowsPastCheckpoint.NONE);
    }

    /**
     * @param files the files, already in file-name order
     * @param requiredColumns columns every header must name (lower case)
     * @param written where the records' rows are written; cleared past the resume position on open
     */
    public CsvFilesReader(Path dataDir, List<Path> files, List<String> requiredColumns, RowsPastCheckpoint written) {
        this(dataDir, files, requiredColumns, written, Set.of());
    }

    /**
     * @param kept files (by display name) whose rows the intake tables already hold from an earlier
     *             run (incremental intake): not read, not discarded, but still counted in file order
     */
    public CsvFilesReader(Path dataDir, List<Path> files, List<String> requiredColumns, RowsPastCheckpoint written,
                          Set<String> kept) {
        this.dataDir = dataDir;
        this.files = List.copyOf(files);
        this.requiredColumns = List.copyOf(requiredColumns);
        this.written = written;
        this.kept = Set.copyOf(kept);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        long resumeAt = context.getLong(NEXT_LINE, 1L);
        if (context.containsKey(READ_COUNTS)) {
            readCounts = new HashMap<>((Map<String, Long>) context.get(READ_COUNTS));
        }
        skipKeptFiles();
        written.discard(files.subList(Math.min(fileIndex, files.size()), files.size()).stream()
                .map(file -> InputFiles.displayName(dataDir, file)).filter(name -> !kept.contains(name)).toList(), resumeAt);
        if (fileIndex < files.size()) {
            openFile(fileIndex);
            skipTo(resumeAt);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putLong(NEXT_LINE, nextLine);
        context.put(READ_COUNTS, new HashMap<>(readCounts));
    }

    @Override
    public void close() {
        closeFile();
    }

    @Override
    public CsvRecord read() {
        while (fileIndex < files.size()) {
            CsvRecord record = nextRecord();
            if (record != null) {
                long n = readCounts.merge(fileName, 1L, Long::sum);
                if (n % PROGRESS_EVERY == 0) {
                    LOG.info("reading {}: {} records so far", fileName, n);
                }
                return record;
            }
            closeFile();
            LOG.info("read {}: {} record(s)", fileName, readCounts.getOrDefault(fileName, 0L));
            fileIndex++;
            skipKeptFiles();
            if (fileIndex < files.size()) {
                openFile(fileIndex);
            }
        }
        return null;
    }

    /** Reads the execution-context counts saved by a reader of this class. */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> readCounts(ExecutionContext context) {
        Object counts = context.get(READ_COUNTS);
        return counts == null ? Map.of() : Map.copyOf((Map<String, Long>) counts);
    }

    private void skipKeptFiles() {
        while (fileIndex < files.size() && kept.contains(InputFiles.displayName(dataDir, files.get(fileIndex)))) {
            fileIndex++;
        }
    }

    private void openFile(int index) {
        Path file = files.get(index);
        fileName = InputFiles.displayName(dataDir, file);
        readCounts.putIfAbsent(fileName, 0L);
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + fileName + ": " + e.getMessage(), e);
        }
        physicalLine = 0;
        nextLine = 1;
        header = null;
        headerProblem = null;
        pushedBack.clear();
    }

    private void closeFile() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
            reader = null;
        }
    }

    /**
     * On restart: read the header again (a reject of it was handed out before, since line 1 comes
     * first), then pass over the lines already handed out.
     */
    private void skipTo(long resumeAt) {
        if (resumeAt <= 1) {
            return;
        }
        readHeaderIfNeeded();
        while (nextLine < resumeAt) {
            PendingLine line = takeLine();
            if (line == null) {
                break;
            }
            nextLine = line.number() + 1;
        }
    }

    private PendingLine takeLine() {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pollFirst();
        }
        try {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            physicalLine++;
            if (physicalLine == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new PendingLine(physicalLine, text);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + fileName + " line " + (physicalLine + 1) + ": " + e.getMessage(), e);
        }
    }

    /** The header is line 1. Returns a rejected record for an unusable header, else null. */
    private CsvRecord readHeaderIfNeeded() {
        if (header != null) {
            return null;
        }
        PendingLine line = takeLine();
        if (line == null) {
            header = List.of();
            headerProblem = "empty file";
            return null;
        }
        nextLine = 2;
        RowRef ref = new RowRef(fileName, fileIndex, 1);
        String[] names;
        try {
            names = parser().parseLine(line.text());
        } catch (IOException | RuntimeException e) {
            names = new String[0];
        }
        header = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String duplicate = null;
        for (String name : names) {
            String normal = name.strip().toLowerCase(Locale.ROOT);
            header.add(normal);
            if (!seen.add(normal) && duplicate == null) {
                duplicate = normal;
            }
        }
        List<String> missing = requiredColumns.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty() || duplicate != null || line.text().contains("\uFFFD")) {
            headerProblem = "the header (line 1) is not usable: "
                    + (line.text().contains("\uFFFD") ? "not valid UTF-8" : !missing.isEmpty()
                    ? "missing column(s) " + missing + "; required: " + requiredColumns + " in any order"
                    : "column '" + duplicate + "' appears twice");
            return CsvRecord.problem(ref, truncate(line.text()), headerProblem);
        }
        return null;
    }

    private CsvRecord nextRecord() {
        CsvRecord headerReject = readHeaderIfNeeded();
        if (headerReject != null) {
            return headerReject;
        }
        PendingLine first = takeLine();
        if (first == null) {
            return null;
        }
        RowRef ref = new RowRef(fileName, fileIndex, first.number());
        nextLine = first.number() + 1;
        String text = first.text();
        if (headerProblem != null) {
            return CsvRecord.problem(ref, truncate(text), "row of a file whose header is not usable (see line 1)");
        }
        if (text.isBlank()) {
            return CsvRecord.problem(ref, text, "blank line");
        }
        if (text.contains("\uFFFD")) {
            return CsvRecord.problem(ref, truncate(text), "not valid UTF-8 text (the file must be UTF-8)");
        }
        if (text.length() > MAX_RECORD_CHARS) {
            return CsvRecord.problem(ref, truncate(text), "line is " + text.length() + " characters long; at most "
                    + MAX_RECORD_CHARS + " are accepted");
        }
        ICSVParser parser = parser();
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder(text);
        List<PendingLine> continuation = new ArrayList<>();
        try {
            // OpenCSV hands out the fields completed by each physical line; a quoted line break
            // continues the pending field on the next line.
            fields.addAll(List.of(parser.parseLineMulti(text)));
            while (parser.isPending()) {
                PendingLine more = continuation.size() < MAX_RECORD_LINES && raw.length() <= MAX_RECORD_CHARS
                        ? takeLine() : null;
                if (more == null) {
                    pushedBack.addAll(continuation);
                    return CsvRecord.problem(ref, truncate(text), "a quoted field is not closed"
                            + (continuation.isEmpty() ? " before the end of the file" : " within "
                            + MAX_RECORD_LINES + " lines") + " (truncated or malformed line)");
                }
                continuation.add(more);
                raw.append('\n').append(more.text());
                fields.addAll(List.of(parser.parseLineMulti(more.text())));
            }
        } catch (IOException | RuntimeException e) {
            pushedBack.addAll(continuation);
            return CsvRecord.problem(ref, truncate(text), "cannot be parsed as CSV: " + e.getMessage());
        }
        if (!continuation.isEmpty()) {
            nextLine = continuation.get(continuation.size() - 1).number() + 1;
        }
        if (fields.size() != header.size()) {
            return CsvRecord.problem(ref, truncate(raw.toString()), "line has " + fields.size()
                    + " field(s); the header has " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            values.put(header.get(i), fields.get(i));
        }
        return new CsvRecord(ref, raw.toString(), values, null);
    }

    private static ICSVParser parser() {
        return new RFC4180ParserBuilder().build();
    }

    static String truncate(String text) {
        return IntakeItem.truncate(text);
    }
}
