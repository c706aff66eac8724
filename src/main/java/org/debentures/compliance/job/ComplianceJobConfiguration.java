package org.debentures.compliance.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.debentures.compliance.job.intake.CsvFilesReader;
import org.debentures.compliance.job.intake.FilingIntakeProcessor;
import org.debentures.compliance.job.intake.InputFiles;
import org.debentures.compliance.store.intake.IntakeItem;
import org.debentures.compliance.job.intake.PrepareIntakeTasklet;
import org.debentures.compliance.store.intake.InputRejectTable;
import org.debentures.compliance.store.intake.IntakeFacts;
import org.debentures.compliance.store.intake.RestatementTable;
import org.debentures.compliance.store.intake.StagedFileTable;
import org.debentures.compliance.store.intake.StagedFilingTable;
import org.debentures.compliance.store.intake.StagedPriceTable;
import org.debentures.compliance.job.intake.IntakeWriter;
import org.debentures.compliance.job.intake.PriceIntakeProcessor;
import org.debentures.compliance.job.intake.ReconcileIntakeTasklet;
import org.debentures.compliance.job.intake.ResolveIntakeTasklet;
import org.debentures.compliance.intake.FilingRowRule;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.intake.KnownSubjects;
import org.debentures.compliance.intake.PriceRowRule;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.report.CsvExporter;
import org.debentures.compliance.report.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.debentures.compliance.job.intake.CsvRecord;

/**
 * Wires the nightly compliance job; no rule lives here. Steps, in order:
 * <ol>
 *   <li>{@code prepareIntake}: decides per price feed whether the rows staged by an earlier run are
 *       kept (unchanged files: only new files are read) or the feed is read again in full
 *       ({@link PrepareIntakeTasklet}); the filings log is always read in full;</li>
 *   <li>{@code readVwap}, {@code readClosingBids}, {@code readFilings}: chunk steps, CSV record to
 *       staged row or reject (rejects are data written by the writer, not skips); restartable
 *       from the last committed chunk;</li>
 *   <li>{@code resolveIntake}: duplicates, vendor corrections and cross-row rules of SPEC §2;</li>
 *   <li>{@code reconcileIntake}: read = accepted + duplicate + rejected per file, stored with checksums;</li>
 *   <li>{@code beginResults}, {@code computeResults}, {@code publishResults}, {@code pruneResults}
 *       ({@link org.debentures.compliance.job.results.ResultsStepsConfiguration}): the business steps
 *       of every symbol, in partitions by symbol, written under a new run generation that one commit
 *       then makes visible (the range's results become visible together); the rows they replaced
 *       are then deleted;</li>
 *   <li>{@code export}: the tables as CSV and the reports, when an export directory is given.</li>
 * </ol>
 */
@Configuration
public class ComplianceJobConfiguration {

    public static final String JOB_NAME = "complianceJob";
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceJobConfiguration.class);
    private static final int INTAKE_CHUNK = 10_000;

    @Bean
    public InputRejectTable inputRejectTable(JdbcTemplate jdbc) {
        return new InputRejectTable(jdbc);
    }

    @Bean
    public RestatementTable restatementTable(JdbcTemplate jdbc) {
        return new RestatementTable(jdbc);
    }

    @Bean
    public StagedPriceTable stagedPriceTable(JdbcTemplate jdbc, InputRejectTable rejects, RestatementTable restatements) {
        return new StagedPriceTable(jdbc, rejects, restatements);
    }

    @Bean
    public StagedFilingTable stagedFilingTable(JdbcTemplate jdbc, InputRejectTable rejects) {
        return new StagedFilingTable(jdbc, rejects);
    }

    @Bean
    public StagedFileTable stagedFileTable(JdbcTemplate jdbc) {
        return new StagedFileTable(jdbc);
    }

    /** Where the read steps' rows go, and what a restarted reader forgets. */
    @Bean
    public IntakeWriter intakeWriter(StagedPriceTable prices, StagedFilingTable filings, InputRejectTable rejects) {
        return new IntakeWriter(prices, filings, rejects);
    }

    @Bean
    public Job complianceJob(JobRepository jobs, Step prepareIntake, Step readVwap, Step readClosingBids,
                             Step readFilings, Step resolveIntake, Step reconcileIntake, Step beginResults,
                             Step computeResults, Step publishResults, Step pruneResults, Step export, JdbcTemplate jdbc, DealBookProvider deals,
                             @Value("${compliance.intake.feeds-side-by-side:auto}") String sideBySide,
                             org.springframework.beans.factory.ObjectProvider<
                                     org.springframework.batch.core.listener.JobExecutionListener> listeners) {
        JobBuilder job = new JobBuilder(JOB_NAME, jobs).listener(new RunRecordListener(jdbc, deals));
        // the application's own job listeners (issue 23: the graceful stop on SIGTERM)
        listeners.orderedStream().forEach(job::listener);
        if (!readFeedsSideBySide(sideBySide, jdbc)) {
            return job.start(prepareIntake)
                    .next(readVwap)
                    .next(readClosingBids)
                    .next(readFilings)
                    .next(resolveIntake)
                    .next(reconcileIntake)
                    .next(beginResults)
                    .next(computeResults)
                    .next(publishResults)
                    .next(pruneResults)
                    .next(export)
                    .build();
        }
        // the three feeds read side by side: their files, rows and rejects are apart and each step
        // commits its own chunks, so one parses while the database loads another's (both cores work)
        org.springframework.batch.core.job.flow.Flow readFeeds =
                new org.springframework.batch.core.job.builder.FlowBuilder<org.springframework.batch.core.job.flow.support.SimpleFlow>("readFeeds")
                        .split(new org.springframework.core.task.SimpleAsyncTaskExecutor("intake-"))
                        .add(flowOf(readVwap), flowOf(readClosingBids), flowOf(readFilings))
                        .build();
        return job.flow(prepareIntake)
                .next(readFeeds)
                .next(resolveIntake)
                .next(reconcileIntake)
                .next(beginResults)
                .next(computeResults)
                .next(publishResults)
                .next(pruneResults)
                .next(export)
                .end()
                .build();
    }

    /**
     * Whether the feeds are read side by side ({@code compliance.intake.feeds-side-by-side}: true,
     * false, or auto). Auto: on MySQL and MariaDB, not on the embedded H2 database, whose file store
     * was seen to lose a row of an index when the process was killed while two steps were writing
     * (the restarted run then failed with "Row not found in primary index"); killed while one step
     * writes, it restarts cleanly (ComplianceJobRestartTests).
     */
    static boolean readFeedsSideBySide(String setting, JdbcTemplate jdbc) {
        if (!"auto".equalsIgnoreCase(setting)) {
            return Boolean.parseBoolean(setting);
        }
        return !embeddedH2(jdbc);
    }

    /** Whether the reporting database is the embedded H2 one (some steps run one writer at a time there). */
    public static boolean embeddedH2(JdbcTemplate jdbc) {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
                c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("h2");
    }

    private static org.springframework.batch.core.job.flow.Flow flowOf(Step step) {
        return new org.springframework.batch.core.job.builder.FlowBuilder<org.springframework.batch.core.job.flow.support.SimpleFlow>(
                step.getName() + "Flow").start(step).build();
    }

    @Bean
    public Step prepareIntake(JobRepository jobs, PlatformTransactionManager tx, PrepareIntakeTasklet prepareTasklet) {
        return new StepBuilder("prepareIntake", jobs).tasklet(prepareTasklet, tx).build();
    }

    @Bean
    @StepScope
    public PrepareIntakeTasklet prepareTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                               @Value("#{jobParameters['business.date']}") LocalDate businessDate,
                                               StagedFileTable files, StagedPriceTable prices,
                                               StagedFilingTable filings, DealBookProvider deals) {
        return new PrepareIntakeTasklet(files, prices, filings, Path.of(dataDir), window(deals, dataDir, businessDate),
                businessDate);
    }

    @Bean
    public Step readVwap(JobRepository jobs, PlatformTransactionManager tx, IntakeWriter intake,
                         CsvFilesReader vwapReader, PriceIntakeProcessor vwapProcessor) {
        return intakeStep("readVwap", jobs, tx, vwapReader, vwapProcessor, intake);
    }

    @Bean
    public Step readClosingBids(JobRepository jobs, PlatformTransactionManager tx, IntakeWriter intake,
                                CsvFilesReader closingBidReader, PriceIntakeProcessor closingBidProcessor) {
        return intakeStep("readClosingBids", jobs, tx, closingBidReader, closingBidProcessor, intake);
    }

    @Bean
    @StepScope
    public PriceIntakeProcessor vwapProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                              @Value("#{jobParameters['business.date']}") LocalDate businessDate,
                                              DealBookProvider deals) {
        return new PriceIntakeProcessor(PriceFeed.VWAP, window(deals, dataDir, businessDate));
    }

    @Bean
    @StepScope
    public PriceIntakeProcessor closingBidProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                    @Value("#{jobParameters['business.date']}") LocalDate businessDate,
                                                    DealBookProvider deals) {
        return new PriceIntakeProcessor(PriceFeed.CLOSING_BID, window(deals, dataDir, businessDate));
    }

    /** Dates an input row may carry: not after the business date, not long before the deals (issue #8). */
    private static IntakeWindow window(DealBookProvider deals, String dataDir, LocalDate businessDate) {
        return new IntakeWindow(deals.dealBook(Path.of(dataDir)), businessDate == null ? LocalDate.MAX : businessDate);
    }

    @Bean
    public Step readFilings(JobRepository jobs, PlatformTransactionManager tx, IntakeWriter intake,
                            CsvFilesReader filingsReader, FilingIntakeProcessor filingsProcessor) {
        return intakeStep("readFilings", jobs, tx, filingsReader, filingsProcessor, intake);
    }

    private static Step intakeStep(String name, JobRepository jobs, PlatformTransactionManager tx, CsvFilesReader reader,
                                   org.springframework.batch.infrastructure.item.ItemProcessor<
                                           org.debentures.compliance.job.intake.CsvRecord, IntakeItem> processor,
                                   IntakeWriter intake) {
        return new StepBuilder(name, jobs).<org.debentures.compliance.job.intake.CsvRecord, IntakeItem>chunk(INTAKE_CHUNK)
                .transactionManager(tx)
                .reader(reader)
                .processor(processor)
                .writer(intake)
                .build();
    }

    @Bean
    @StepScope
    public CsvFilesReader vwapReader(@Value("#{jobParameters['data.dir']}") String dataDir,
                                     @Value("#{jobExecutionContext['intake.firstRead.VWAP']}") Integer firstRead,
                                     IntakeWriter intake) {
        return priceReader(Path.of(dataDir), PriceFeed.VWAP, intake, firstRead);
    }

    @Bean
    @StepScope
    public CsvFilesReader closingBidReader(@Value("#{jobParameters['data.dir']}") String dataDir,
                                           @Value("#{jobExecutionContext['intake.firstRead.CLOSING_BID']}") Integer firstRead,
                                           IntakeWriter intake) {
        return priceReader(Path.of(dataDir), PriceFeed.CLOSING_BID, intake, firstRead);
    }

    /** Reads the feed's files but the first {@code firstRead}, whose rows {@code prepareIntake} kept from an earlier run. */
    private static CsvFilesReader priceReader(Path dataDir, PriceFeed feed, IntakeWriter intake, Integer firstRead) {
        List<Path> files = InputFiles.csvFiles(dataDir, feed.folder());
        Set<String> kept = new HashSet<>();
        files.subList(0, firstRead == null ? 0 : Math.min(firstRead, files.size()))
                .forEach(file -> kept.add(InputFiles.displayName(dataDir, file)));
        return new CsvFilesReader(dataDir, files, new PriceRowRule(feed).requiredColumns(), intake::discard, kept);
    }

    @Bean
    @StepScope
    public CsvFilesReader filingsReader(@Value("#{jobParameters['data.dir']}") String dataDir, IntakeWriter intake) {
        Path dir = Path.of(dataDir);
        return new CsvFilesReader(dir, InputFiles.csvFiles(dir, "filings"), FilingRowRule.REQUIRED_COLUMNS,
                intake::discard);
    }

    @Bean
    @StepScope
    public FilingIntakeProcessor filingsProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                  @Value("#{jobParameters['business.date']}") LocalDate businessDate,
                                                  DealBookProvider deals) {
        return new FilingIntakeProcessor(KnownSubjects.of(deals.dealBook(Path.of(dataDir))),
                window(deals, dataDir, businessDate));
    }

    @Bean
    public Step resolveIntake(JobRepository jobs, PlatformTransactionManager tx, ResolveIntakeTasklet resolveTasklet) {
        return new StepBuilder("resolveIntake", jobs).tasklet(resolveTasklet, tx).build();
    }

    @Bean
    @StepScope
    public ResolveIntakeTasklet resolveTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                               StagedPriceTable prices, RestatementTable restatements,
                                               StagedFilingTable filings, DealBookProvider deals) {
        return new ResolveIntakeTasklet(prices, restatements, filings, deals.dealBook(Path.of(dataDir)), Path.of(dataDir));
    }

    @Bean
    public Step reconcileIntake(JobRepository jobs, PlatformTransactionManager tx, ReconcileIntakeTasklet reconcileTasklet) {
        return new StepBuilder("reconcileIntake", jobs).tasklet(reconcileTasklet, tx).build();
    }

    @Bean
    @StepScope
    public ReconcileIntakeTasklet reconcileTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                   StagedFileTable files, JobRepository jobs, JdbcTemplate jdbc) {
        Map<String, String> readSteps = new LinkedHashMap<>();
        readSteps.put("readVwap", PriceFeed.VWAP.name());
        readSteps.put("readClosingBids", PriceFeed.CLOSING_BID.name());
        readSteps.put("readFilings", FilingIntakeProcessor.FEED);
        return new ReconcileIntakeTasklet(files, jobs, jdbc, Path.of(dataDir), readSteps);
    }

    @Bean
    public Step export(JobRepository jobs, PlatformTransactionManager tx, JdbcTemplate jdbc, DealBookProvider deals) {
        return new StepBuilder("export", jobs).tasklet((contribution, context) -> {
            var params = context.getStepContext().getStepExecution().getJobParameters();
            String exportDir = params.getString(JobParameterNames.EXPORT_DIR);
            if (exportDir != null && !exportDir.isBlank()) {
                LocalDate from = params.getLocalDate(JobParameterNames.FROM);
                LocalDate to = params.getLocalDate(JobParameterNames.TO);
                new CsvExporter(jdbc).export(Path.of(exportDir), from, to).forEach((file, rows) ->
                        LOG.info("export {} ({} rows)", file, rows));
                long started = System.nanoTime();
                List<Path> files = new ReportWriter(jdbc, deals.dealBook(Path.of(params.getString(JobParameterNames.DATA_DIR))))
                        .write(Path.of(exportDir), from, to);
                LOG.info("report site {} ({} files) written in {} ms", files.get(0), files.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).build();
    }

}
