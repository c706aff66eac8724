package org.debentures.compliance.job.intake;

import org.debentures.compliance.store.run.RunRecordTables;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.debentures.compliance.rules.market.PriceFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.intake.StagedFileTable;

/**
 * Checks, per input file, that every record the reader handed out is accounted for:
 * read = accepted + duplicate + rejected. The reader's counts come from the read steps' execution
 * contexts, the others from the intake tables, so the check is not a tautology. Stores the counts
 * with the file's SHA-256 in {@code input_file} and prints one line per file; a mismatch fails the
 * run.
 */
public class ReconcileIntakeTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileIntakeTasklet.class);

    /** One file's reconciliation. */
    public record FileCount(String fileName, String feed, String sha256, long read, long accepted, long duplicate,
                            long rejected) {
        public boolean reconciles() {
            return read == accepted + duplicate + rejected;
        }

        public String describe() {
            return String.format("%-48s read %6d = accepted %6d + duplicate %4d + rejected %4d%s", fileName, read,
                    accepted, duplicate, rejected, reconciles() ? "" : "   MISMATCH");
        }
    }

    private final StagedFileTable stagedFiles;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final Path dataDir;
    private final Map<String, String> readStepFeeds;

    /** @param readStepFeeds the read steps' names and the feed each reads */
    public ReconcileIntakeTasklet(StagedFileTable stagedFiles, JobRepository jobRepository, JdbcTemplate jdbc,
                                  Path dataDir, Map<String, String> readStepFeeds) {
        this.stagedFiles = stagedFiles;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.dataDir = dataDir;
        this.readStepFeeds = readStepFeeds;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<FileCount> files = new ArrayList<>();
        Map<String, String> feeds = new TreeMap<>();
        Map<String, Long> read = new TreeMap<>();
        readStepFeeds.forEach((step, feed) -> {
            StepExecution execution = jobRepository.getLastStepExecution(job.getJobInstance(), step);
            if (execution != null) {
                CsvFilesReader.readCounts(execution.getExecutionContext()).forEach((file, n) -> {
                    read.put(file, n);
                    feeds.put(file, feed);
                });
            }
        });
        var plan = job.getExecutionContext();
        Map<String, StagedFileTable.StagedFile> keptFiles = new TreeMap<>();
        java.util.Set<String> recountKept = new java.util.HashSet<>();
        for (PriceFeed feed : PriceFeed.values()) {
            Integer firstRead = IntakePlan.firstReadFileOrder(plan, feed);
            for (StagedFileTable.StagedFile f : stagedFiles.stagedFiles(feed)) {
                if (firstRead != null && f.fileOrder() < firstRead) { // staged by an earlier run, counted when it was read
                    keptFiles.put(f.fileName(), f);
                    read.put(f.fileName(), f.rowsRead());
                    feeds.put(f.fileName(), feed.name());
                    if (IntakePlan.recountKept(plan, feed)) {
                        recountKept.add(f.fileName());
                    }
                }
            }
        }
        // counted from the tables: every file, or (incremental intake) the files read by this run and the
        // kept files of a feed where resolution looked at kept rows again; other kept files' counts are unchanged
        java.util.Set<String> recount = new java.util.TreeSet<>(read.keySet());
        keptFiles.keySet().stream().filter(name -> !recountKept.contains(name)).forEach(recount::remove);
        StagedFileTable.FileCounts tally = stagedFiles.countsByFile(keptFiles.isEmpty() ? null : recount);
        Map<String, StagedFileTable.FileRows> counted = tally.counts();
        Map<String, Long> stagedRows = new TreeMap<>();
        for (Map.Entry<String, Long> entry : read.entrySet()) {
            String file = entry.getKey();
            StagedFileTable.StagedFile kept = keptFiles.get(file);
            boolean counts = recount.contains(file) || kept == null;
            StagedFileTable.FileRows c = counts ? counted.getOrDefault(file, StagedFileTable.FileRows.NONE)
                    : new StagedFileTable.FileRows(kept.accepted(), kept.duplicate(), kept.rejected(), 0);
            stagedRows.put(file, counts ? c.staged() : kept.rowsStaged());
            String sha256 = kept != null ? kept.sha256() : InputFiles.sha256(dataDir.resolve(file)); // kept: checked unchanged
            files.add(new FileCount(file, feeds.get(file), sha256, entry.getValue(), c.accepted(), c.duplicate(),
                    c.rejected()));
        }
        long runId = job.getId();
        new RunRecordTables(jdbc).replaceInputFiles(runId, files.stream().map(f -> new RunRecordTables.InputFile(
                f.fileName(), f.feed(), f.sha256(), f.read(), f.accepted(), f.duplicate(), f.rejected())).toList());
        List<String> mismatches = new ArrayList<>();
        for (FileCount f : files) {
            LOG.info("input {}", f.describe());
            if (!f.reconciles()) {
                mismatches.add(f.describe());
            }
        }
        counted.keySet().stream().filter(file -> !read.containsKey(file))
                .forEach(file -> mismatches.add(file + ": rows in the intake tables but not read by this run"));
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("input counts do not reconcile (read = accepted + duplicate + rejected):\n"
                    + String.join("\n", mismatches));
        }
        recordStagedFiles(files, stagedRows, keptFiles, tally.latestPriceDates(), IntakePlan.windowKey(plan));
        return RepeatStatus.FINISHED;
    }

    /** What the next run's incremental intake compares the price files with (table {@code staged_file}). */
    private void recordStagedFiles(List<FileCount> files, Map<String, Long> stagedRows,
                                   Map<String, StagedFileTable.StagedFile> kept, Map<String, LocalDate> latestDates,
                                   String windowKey) {
        Map<String, FileCount> byName = new TreeMap<>();
        files.forEach(f -> byName.put(f.fileName(), f));
        for (PriceFeed feed : PriceFeed.values()) {
            Map<String, Long> future = stagedFiles.futureRows(feed);
            List<StagedFileTable.StagedFile> staged = new ArrayList<>();
            List<Path> current = InputFiles.csvFiles(dataDir, feed.folder());
            for (int order = 0; order < current.size(); order++) {
                String name = InputFiles.displayName(dataDir, current.get(order));
                FileCount count = byName.get(name);
                if (count == null || windowKey == null) {
                    break; // not accounted for by this run: the next run reads the feed again from here
                }
                StagedFileTable.StagedFile before = kept.get(name);
                staged.add(new StagedFileTable.StagedFile(name, feed, order, count.sha256(), count.read(), count.accepted(),
                        count.duplicate(), count.rejected(), stagedRows.getOrDefault(name, 0L), future.getOrDefault(name, 0L), before != null ? before.latestDate() : latestDates.get(name),
                        windowKey));
            }
            stagedFiles.replace(feed, staged);
        }
    }
}
