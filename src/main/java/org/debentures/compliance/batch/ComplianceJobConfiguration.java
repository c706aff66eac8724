package org.debentures.compliance.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.debentures.compliance.batch.internal.CsvFilesReader;
import org.debentures.compliance.batch.internal.FilingIntakeProcessor;
import org.debentures.compliance.batch.internal.AgreementRef;
import org.debentures.compliance.batch.internal.DeadlinesTasklet;
import org.debentures.compliance.batch.internal.ExceptionQueries;
import org.debentures.compliance.batch.internal.RedemptionPriceTasklet;
import org.debentures.compliance.batch.internal.InterestLedgerProcessor;
import org.debentures.compliance.batch.internal.InterestLedgerWriter;
import org.debentures.compliance.batch.internal.InterestTables;
import org.debentures.compliance.batch.internal.PenaltyTables;
import org.debentures.compliance.batch.internal.RegistrationDefaultsProcessor;
import org.debentures.compliance.batch.internal.RegistrationDefaultsWriter;
import org.debentures.compliance.batch.internal.InputFiles;
import org.debentures.compliance.batch.internal.InstrumentConversionProcessor;
import org.debentures.compliance.batch.internal.InstrumentConversionWriter;
import org.debentures.compliance.batch.internal.InstrumentRef;
import org.debentures.compliance.batch.internal.ConversionTables;
import org.debentures.compliance.batch.internal.IntakeItem;
import org.debentures.compliance.batch.internal.IntakeTables;
import org.debentures.compliance.batch.internal.IntakeWriter;
import org.debentures.compliance.batch.internal.OutputTables;
import org.debentures.compliance.batch.internal.PriceIntakeProcessor;
import org.debentures.compliance.batch.internal.ReconcileIntakeTasklet;
import org.debentures.compliance.batch.internal.ResolveIntakeTasklet;
import org.debentures.compliance.batch.internal.RunRecordListener;
import org.debentures.compliance.batch.internal.SymbolMarketProcessor;
import org.debentures.compliance.batch.internal.SymbolMarketWriter;
import org.debentures.compliance.intake.FilingRowRule;
import org.debentures.compliance.intake.KnownSubjects;
import org.debentures.compliance.intake.PriceRowRule;
import org.debentures.compliance.market.PriceFeed;
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
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the nightly compliance job; no rule lives here. Steps, in order:
 * <ol>
 *   <li>{@code prepareIntake}: empty the intake tables (every run reads the input files afresh);</li>
 *   <li>{@code readVwap}, {@code readClosingBids}, {@code readFilings}: chunk steps, CSV record to
 *       staged row or reject (rejects are data written by the writer, not skips);</li>
 *   <li>{@code resolveIntake}: duplicates, vendor corrections and cross-row rules of SPEC §2;</li>
 *   <li>{@code reconcileIntake}: read = accepted + duplicate + rejected per file, stored with checksums;</li>
 *   <li>{@code marketPrices}: one item per symbol, Market Price rows and price exceptions for the range;</li>
 *   <li>{@code registrationDefaults}: one item per registration rights agreement, default days,
 *       liquidated damages, Holder balances and Events of Default 6(d)(iii);</li>
 *   <li>{@code interestLedger}: one item per instrument, daily interest, dues, default interest,
 *       conversions and deliveries, Events of Default 6(d)(v);</li>
 *   <li>{@code redemptionPrices}: the 6(b) Mandatory Redemption Price of each day an Event of Default continues;</li>
 *   <li>{@code mandatoryConversion}: one item per instrument, Conversion Price history, the §5(c)(ii)
 *       VWAP test and the §5(c) readiness as of the range's last day;</li>
 *   <li>{@code upcomingDeadlines}: each deal's dated obligations after the range's last day;</li>
 *   <li>{@code export}: the §8 tables as CSV when an export directory is given.</li>
 * </ol>
 * Later rules (VWAP test, registration defaults, interest) plug in as further calculator steps.
 */
@Configuration
public class ComplianceJobConfiguration {

    public static final String JOB_NAME = "complianceJob";
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceJobConfiguration.class);
    private static final int INTAKE_CHUNK = 1000;

    @Bean
    public IntakeTables intakeTables(JdbcTemplate jdbc) {
        return new IntakeTables(jdbc);
    }

    @Bean
    public OutputTables outputTables(JdbcTemplate jdbc) {
        return new OutputTables(jdbc);
    }

    @Bean
    public Job complianceJob(JobRepository jobs, Step prepareIntake, Step readVwap, Step readClosingBids,
                             Step readFilings, Step resolveIntake, Step reconcileIntake, Step marketPrices,
                             Step registrationDefaults, Step interestLedger, Step redemptionPrices,
                             Step mandatoryConversion, Step upcomingDeadlines, Step export,
                             JdbcTemplate jdbc,
                             DealBookProvider deals) {
        return new JobBuilder(JOB_NAME, jobs)
                .listener(new RunRecordListener(jdbc, deals))
                .start(prepareIntake)
                .next(readVwap)
                .next(readClosingBids)
                .next(readFilings)
                .next(resolveIntake)
                .next(reconcileIntake)
                .next(marketPrices)
                .next(registrationDefaults)
                .next(interestLedger)
                .next(redemptionPrices)
                .next(mandatoryConversion)
                .next(upcomingDeadlines)
                .next(export)
                .build();
    }

    @Bean
    public Step prepareIntake(JobRepository jobs, PlatformTransactionManager tx, IntakeTables intake) {
        return new StepBuilder("prepareIntake", jobs).tasklet((contribution, context) -> {
            intake.clear();
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step readVwap(JobRepository jobs, PlatformTransactionManager tx, IntakeTables intake,
                         CsvFilesReader vwapReader) {
        return intakeStep("readVwap", jobs, tx, vwapReader, new PriceIntakeProcessor(PriceFeed.VWAP), intake);
    }

    @Bean
    public Step readClosingBids(JobRepository jobs, PlatformTransactionManager tx, IntakeTables intake,
                                CsvFilesReader closingBidReader) {
        return intakeStep("readClosingBids", jobs, tx, closingBidReader, new PriceIntakeProcessor(PriceFeed.CLOSING_BID),
                intake);
    }

    @Bean
    public Step readFilings(JobRepository jobs, PlatformTransactionManager tx, IntakeTables intake,
                            CsvFilesReader filingsReader, FilingIntakeProcessor filingsProcessor) {
        return intakeStep("readFilings", jobs, tx, filingsReader, filingsProcessor, intake);
    }

    private static Step intakeStep(String name, JobRepository jobs, PlatformTransactionManager tx, CsvFilesReader reader,
                                   org.springframework.batch.infrastructure.item.ItemProcessor<
                                           org.debentures.compliance.batch.internal.CsvRecord, IntakeItem> processor,
                                   IntakeTables intake) {
        return new StepBuilder(name, jobs).<org.debentures.compliance.batch.internal.CsvRecord, IntakeItem>chunk(INTAKE_CHUNK)
                .transactionManager(tx)
                .reader(reader)
                .processor(processor)
                .writer(new IntakeWriter(intake))
                .build();
    }

    @Bean
    @StepScope
    public CsvFilesReader vwapReader(@Value("#{jobParameters['data.dir']}") String dataDir) {
        return priceReader(Path.of(dataDir), PriceFeed.VWAP);
    }

    @Bean
    @StepScope
    public CsvFilesReader closingBidReader(@Value("#{jobParameters['data.dir']}") String dataDir) {
        return priceReader(Path.of(dataDir), PriceFeed.CLOSING_BID);
    }

    private static CsvFilesReader priceReader(Path dataDir, PriceFeed feed) {
        return new CsvFilesReader(dataDir, InputFiles.csvFiles(dataDir, feed.folder()),
                new PriceRowRule(feed).requiredColumns());
    }

    @Bean
    @StepScope
    public CsvFilesReader filingsReader(@Value("#{jobParameters['data.dir']}") String dataDir) {
        Path dir = Path.of(dataDir);
        return new CsvFilesReader(dir, InputFiles.csvFiles(dir, "filings"), FilingRowRule.REQUIRED_COLUMNS);
    }

    @Bean
    @StepScope
    public FilingIntakeProcessor filingsProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                  DealBookProvider deals) {
        return new FilingIntakeProcessor(KnownSubjects.of(deals.dealBook(Path.of(dataDir))));
    }

    @Bean
    public Step resolveIntake(JobRepository jobs, PlatformTransactionManager tx, ResolveIntakeTasklet resolveTasklet) {
        return new StepBuilder("resolveIntake", jobs).tasklet(resolveTasklet, tx).build();
    }

    @Bean
    @StepScope
    public ResolveIntakeTasklet resolveTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                               IntakeTables intake, DealBookProvider deals) {
        return new ResolveIntakeTasklet(intake, deals.dealBook(Path.of(dataDir)));
    }

    @Bean
    public Step reconcileIntake(JobRepository jobs, PlatformTransactionManager tx, ReconcileIntakeTasklet reconcileTasklet) {
        return new StepBuilder("reconcileIntake", jobs).tasklet(reconcileTasklet, tx).build();
    }

    @Bean
    @StepScope
    public ReconcileIntakeTasklet reconcileTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                   IntakeTables intake, JobRepository jobs, JdbcTemplate jdbc) {
        Map<String, String> readSteps = new LinkedHashMap<>();
        readSteps.put("readVwap", PriceFeed.VWAP.name());
        readSteps.put("readClosingBids", PriceFeed.CLOSING_BID.name());
        readSteps.put("readFilings", FilingIntakeProcessor.FEED);
        return new ReconcileIntakeTasklet(intake, jobs, jdbc, Path.of(dataDir), readSteps);
    }

    @Bean
    public Step marketPrices(JobRepository jobs, PlatformTransactionManager tx, ListItemReader<String> symbolReader,
                             SymbolMarketProcessor symbolMarketProcessor, SymbolMarketWriter symbolMarketWriter) {
        return new StepBuilder("marketPrices", jobs).<String, SymbolMarketProcessor.Output>chunk(1)
                .transactionManager(tx)
                .reader(symbolReader)
                .processor(symbolMarketProcessor)
                .writer(symbolMarketWriter)
                .build();
    }

    @Bean
    @StepScope
    public ListItemReader<String> symbolReader(@Value("#{jobParameters['data.dir']}") String dataDir,
                                               DealBookProvider deals) {
        return new ListItemReader<>(java.util.List.copyOf(deals.dealBook(Path.of(dataDir)).symbols()));
    }

    @Bean
    @StepScope
    public SymbolMarketProcessor symbolMarketProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                       @Value("#{jobParameters['from']}") LocalDate from,
                                                       @Value("#{jobParameters['to']}") LocalDate to,
                                                       IntakeTables intake, DealBookProvider deals) {
        return new SymbolMarketProcessor(intake, deals.dealBook(Path.of(dataDir)), from, to);
    }

    @Bean
    @StepScope
    public SymbolMarketWriter symbolMarketWriter(@Value("#{jobParameters['from']}") LocalDate from,
                                                 @Value("#{jobParameters['to']}") LocalDate to,
                                                 @Value("#{stepExecution.jobExecution.id}") Long runId,
                                                 OutputTables outputs) {
        return new SymbolMarketWriter(outputs, from, to, runId);
    }

    @Bean
    public Step registrationDefaults(JobRepository jobs, PlatformTransactionManager tx,
                                     ListItemReader<AgreementRef> agreementReader,
                                     RegistrationDefaultsProcessor registrationDefaultsProcessor,
                                     RegistrationDefaultsWriter registrationDefaultsWriter) {
        return new StepBuilder("registrationDefaults", jobs).<AgreementRef, RegistrationDefaultsProcessor.Output>chunk(1)
                .transactionManager(tx)
                .reader(agreementReader)
                .processor(registrationDefaultsProcessor)
                .writer(registrationDefaultsWriter)
                .build();
    }

    @Bean
    @StepScope
    public ListItemReader<AgreementRef> agreementReader(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                        DealBookProvider deals) {
        java.util.List<AgreementRef> refs = new java.util.ArrayList<>();
        deals.dealBook(Path.of(dataDir)).deals().forEach(deal -> deal.registrationAgreements()
                .forEach(a -> refs.add(new AgreementRef(deal.id(), a.id()))));
        return new ListItemReader<>(refs);
    }

    @Bean
    @StepScope
    public RegistrationDefaultsProcessor registrationDefaultsProcessor(
            @Value("#{jobParameters['data.dir']}") String dataDir, @Value("#{jobParameters['to']}") LocalDate to,
            IntakeTables intake, DealBookProvider deals) {
        return new RegistrationDefaultsProcessor(intake, deals.dealBook(Path.of(dataDir)), to);
    }

    @Bean
    @StepScope
    public RegistrationDefaultsWriter registrationDefaultsWriter(@Value("#{jobParameters['from']}") LocalDate from,
                                                                 @Value("#{jobParameters['to']}") LocalDate to,
                                                                 @Value("#{stepExecution.jobExecution.id}") Long runId,
                                                                 JdbcTemplate jdbc, OutputTables outputs) {
        return new RegistrationDefaultsWriter(new PenaltyTables(jdbc), outputs, from, to, runId);
    }

    @Bean
    public Step interestLedger(JobRepository jobs, PlatformTransactionManager tx,
                               ListItemReader<InstrumentRef> instrumentReader,
                               InterestLedgerProcessor interestLedgerProcessor, InterestLedgerWriter interestLedgerWriter) {
        return new StepBuilder("interestLedger", jobs).<InstrumentRef, InterestLedgerProcessor.Output>chunk(1)
                .transactionManager(tx)
                .reader(instrumentReader)
                .processor(interestLedgerProcessor)
                .writer(interestLedgerWriter)
                .build();
    }

    @Bean
    @StepScope
    public InterestLedgerProcessor interestLedgerProcessor(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                           @Value("#{jobParameters['to']}") LocalDate to,
                                                           IntakeTables intake, DealBookProvider deals) {
        return new InterestLedgerProcessor(intake, deals.dealBook(Path.of(dataDir)), to);
    }

    @Bean
    @StepScope
    public InterestLedgerWriter interestLedgerWriter(@Value("#{jobParameters['from']}") LocalDate from,
                                                     @Value("#{jobParameters['to']}") LocalDate to,
                                                     @Value("#{stepExecution.jobExecution.id}") Long runId,
                                                     JdbcTemplate jdbc, OutputTables outputs) {
        return new InterestLedgerWriter(new InterestTables(jdbc), new PenaltyTables(jdbc), outputs, from, to, runId);
    }

    @Bean
    public Step redemptionPrices(JobRepository jobs, PlatformTransactionManager tx,
                                 RedemptionPriceTasklet redemptionPriceTasklet) {
        return new StepBuilder("redemptionPrices", jobs).tasklet(redemptionPriceTasklet, tx).build();
    }

    @Bean
    @StepScope
    public RedemptionPriceTasklet redemptionPriceTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                         @Value("#{jobParameters['from']}") LocalDate from,
                                                         @Value("#{jobParameters['to']}") LocalDate to,
                                                         JdbcTemplate jdbc, IntakeTables intake, DealBookProvider deals) {
        return new RedemptionPriceTasklet(jdbc, intake, deals.dealBook(Path.of(dataDir)), from, to);
    }

    @Bean
    public Step mandatoryConversion(JobRepository jobs, PlatformTransactionManager tx,
                                    ListItemReader<InstrumentRef> instrumentReader,
                                    InstrumentConversionProcessor instrumentConversionProcessor,
                                    InstrumentConversionWriter instrumentConversionWriter) {
        return new StepBuilder("mandatoryConversion", jobs).<InstrumentRef, InstrumentConversionProcessor.Output>chunk(1)
                .transactionManager(tx)
                .reader(instrumentReader)
                .processor(instrumentConversionProcessor)
                .writer(instrumentConversionWriter)
                .build();
    }

    @Bean
    @StepScope
    public ListItemReader<InstrumentRef> instrumentReader(@Value("#{jobParameters['data.dir']}") String dataDir,
                                                         DealBookProvider deals) {
        java.util.List<InstrumentRef> refs = new java.util.ArrayList<>();
        deals.dealBook(Path.of(dataDir)).deals().forEach(deal -> deal.instruments()
                .forEach(i -> refs.add(new InstrumentRef(deal.id(), i.id()))));
        return new ListItemReader<>(refs);
    }

    @Bean
    @StepScope
    public InstrumentConversionProcessor instrumentConversionProcessor(
            @Value("#{jobParameters['data.dir']}") String dataDir, @Value("#{jobParameters['to']}") LocalDate to,
            IntakeTables intake, JdbcTemplate jdbc, DealBookProvider deals) {
        return new InstrumentConversionProcessor(intake, new ExceptionQueries(jdbc), deals.dealBook(Path.of(dataDir)), to);
    }

    @Bean
    @StepScope
    public InstrumentConversionWriter instrumentConversionWriter(@Value("#{jobParameters['from']}") LocalDate from,
                                                                 @Value("#{jobParameters['to']}") LocalDate to,
                                                                 @Value("#{stepExecution.jobExecution.id}") Long runId,
                                                                 JdbcTemplate jdbc, OutputTables outputs) {
        return new InstrumentConversionWriter(new ConversionTables(jdbc), outputs, from, to, runId);
    }

    @Bean
    public Step upcomingDeadlines(JobRepository jobs, PlatformTransactionManager tx, DeadlinesTasklet deadlinesTasklet) {
        return new StepBuilder("upcomingDeadlines", jobs).tasklet(deadlinesTasklet, tx).build();
    }

    @Bean
    @StepScope
    public DeadlinesTasklet deadlinesTasklet(@Value("#{jobParameters['data.dir']}") String dataDir,
                                             @Value("#{jobParameters['to']}") LocalDate to,
                                             @Value("#{jobParameters['deadline.horizon.days'] ?: 30}") Long horizonDays,
                                             JdbcTemplate jdbc, IntakeTables intake, DealBookProvider deals) {
        return new DeadlinesTasklet(jdbc, intake, deals.dealBook(Path.of(dataDir)), to, horizonDays.intValue());
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
                new ReportWriter(jdbc, reportRequiredDays(deals, params.getString(JobParameterNames.DATA_DIR)))
                        .write(Path.of(exportDir), from, to).forEach(file -> LOG.info("report {}", file));
            }
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).build();
    }

    /** The 20-of-30 requirement the report shades (the first deal's; deals normally share the Debenture terms). */
    static int reportRequiredDays(DealBookProvider deals, String dataDir) {
        return deals.dealBook(Path.of(dataDir)).deals().get(0).mandatoryConversion().requiredTradingDays();
    }
}
