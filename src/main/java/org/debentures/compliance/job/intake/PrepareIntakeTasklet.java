package org.debentures.compliance.job.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.rules.market.PriceFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.debentures.compliance.store.intake.StagedFileTable;
import org.debentures.compliance.store.intake.StagedFilingTable;
import org.debentures.compliance.store.intake.StagedPriceTable;

/**
 * Decides, per price feed, which files this run reads (incremental intake, issue #9). The staged
 * rows of the files an earlier run read are kept when keeping them gives exactly what reading them
 * again would: every file staged then is still there, unchanged (SHA-256) and in the same place in
 * file-name order, none of its rows was refused as from the future, none is dated after this run's
 * business date, the deals' symbol starts are the same, and the intake tables still hold as many
 * staged rows and rejects as were recorded for them. The run then reads only the files
 * after them, and resolution looks again at the keys those files touch (SPEC §2: duplicates and
 * vendor corrections are decided per feed, symbol and date, in file-name order). Otherwise the feed is
 * cleared and read in full. The filings log is small and its rules span the whole log: it is
 * always read in full.
 */
public class PrepareIntakeTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(PrepareIntakeTasklet.class);

    private final StagedFileTable files;
    private final StagedPriceTable prices;
    private final StagedFilingTable filings;
    private final Path dataDir;
    private final IntakeWindow window;
    private final LocalDate businessDate;

    public PrepareIntakeTasklet(StagedFileTable files, StagedPriceTable prices, StagedFilingTable filings, Path dataDir,
                                IntakeWindow window, LocalDate businessDate) {
        this.files = files;
        this.prices = prices;
        this.filings = filings;
        this.dataDir = dataDir;
        this.window = window;
        this.businessDate = businessDate == null ? LocalDate.MAX : businessDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        String windowKey = window.priceRulesKey();
        filings.clear();
        // the self-check counts scan the staged rows: they run (on their own connections, over the rows the
        // last run committed) while the files are checked
        java.util.concurrent.ExecutorService counting = java.util.concurrent.Executors.newFixedThreadPool(
                PriceFeed.values().length);
        Map<PriceFeed, Future<StagedFileTable.HeldRows>> heldRows = new java.util.EnumMap<>(PriceFeed.class);
        try {
            for (PriceFeed feed : PriceFeed.values()) {
                heldRows.put(feed, counting.submit(() -> files.heldRows(feed)));
            }
            decide(job, windowKey, heldRows);
        } finally {
            counting.shutdownNow();
        }
        return RepeatStatus.FINISHED;
    }

    private void decide(org.springframework.batch.infrastructure.item.ExecutionContext job, String windowKey,
                        Map<PriceFeed, Future<StagedFileTable.HeldRows>> heldRows) throws Exception {
        for (PriceFeed feed : PriceFeed.values()) {
            List<String> names = new ArrayList<>();
            InputFiles.csvFiles(dataDir, feed.folder()).forEach(file -> names.add(InputFiles.displayName(dataDir, file)));
            List<StagedFileTable.StagedFile> staged = files.stagedFiles(feed);
            String refusal = refusal(staged, names, windowKey);
            if (refusal == null) {
                StagedFileTable.HeldRows held;
                try {
                    held = heldRows.get(feed).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                if (held.staged() != staged.stream().mapToLong(StagedFileTable.StagedFile::rowsStaged).sum()
                        || held.rejected() != staged.stream().mapToLong(StagedFileTable.StagedFile::rejected).sum()) {
                    refusal = "the intake tables no longer hold what the last run staged";
                }
            }
            if (refusal == null) {
                IntakePlan.put(job, feed, staged.size(), windowKey); // the kept files are the first ones in order
                LOG.info("intake of {}: keeping the rows of {} unchanged file(s), reading {} new file(s)", feed,
                        staged.size(), names.size() - staged.size());
            } else {
                prices.clear(feed);
                files.clear(feed);
                IntakePlan.put(job, feed, null, windowKey);
                LOG.info("intake of {}: reading all {} file(s) ({})", feed, names.size(), refusal);
            }
        }
    }

    /** Why the staged rows cannot be kept, or null when they can. */
    private String refusal(List<StagedFileTable.StagedFile> staged, List<String> names, String windowKey) {
        if (staged.isEmpty()) {
            return "nothing staged yet";
        }
        for (StagedFileTable.StagedFile f : staged) {
            if (f.fileOrder() != staged.indexOf(f)) {
                return "the staged files are not the first files in name order";
            }
            int order = names.indexOf(f.fileName());
            if (order < 0) {
                return f.fileName() + " is gone";
            }
            if (order != f.fileOrder()) {
                return "a new file sorts before " + f.fileName();
            }
            if (!InputFiles.sha256(dataDir.resolve(f.fileName())).equals(f.sha256())) {
                return f.fileName() + " has changed";
            }
            if (f.futureRows() > 0) {
                return f.fileName() + " had rows dated after the business date";
            }
            if (f.latestDate() != null && f.latestDate().isAfter(businessDate)) {
                return f.fileName() + " has rows dated after the business date " + businessDate;
            }
            if (!f.windowKey().equals(windowKey)) {
                return "the deals' start dates have changed";
            }
        }
        return null;
    }
}
