package org.debentures.compliance.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.debentures.compliance.dealfile.DealFileException;
import org.debentures.compliance.job.ComplianceJobConfiguration;
import org.debentures.compliance.job.DealBookProvider;
import org.debentures.compliance.job.JobParameterNames;
import org.debentures.compliance.report.CsvExporter;
import org.debentures.compliance.report.RunSummary;
import org.debentures.compliance.run.RunRange;
import org.debentures.compliance.store.report.ExportTable;
import org.debentures.compliance.store.run.RunLock;
import org.debentures.compliance.store.run.RunRecordTables;
import org.debentures.compliance.store.run.Watermarks;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs the compliance job once: validates the deal files before any work, takes the deals' run
 * lock, works out the range (nightly or rerun), then either restarts the failed execution of the
 * same range or launches a new one, and renders the summary.
 *
 * <p>Job parameters: {@code from}, {@code to} and {@code data.dir} name the work; {@code launch}
 * (a unique number) makes every launch a new job instance, so rerunning a completed range is a new
 * run. A launch whose range and data directory match the last execution of an unfinished instance
 * (FAILED, STOPPED, or left STARTED by a killed process: recovered first) restarts that execution
 * instead: Spring Batch skips the steps it completed and resumes the chunk step it was in.
 */
@Service
public class ComplianceRunService {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceRunService.class);

    /** What a run ended with: the exit status, the job execution (if one started) and the text for a person. */
    public record Outcome(int exitCode, Long runId, RunRange range, String text, RunSummary.Figures figures) {
        public Outcome(int exitCode, Long runId, RunRange range, String text) {
            this(exitCode, runId, range, text, null);
        }
    }

    private static final AtomicLong LAUNCH_SEQUENCE = new AtomicLong();

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job complianceJob;
    private final DealBookProvider deals;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    static {
        HeapWatch.start();
    }

    private GracefulStop gracefulStop;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void gracefulStop(GracefulStop gracefulStop) {
        this.gracefulStop = gracefulStop;
    }

    /** The step that was running when the execution ended (the last one started). */
    private static String lastStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED || !s.getStepName().contains(":"))
                .max(java.util.Comparator.comparing(s -> s.getStartTime() == null ? java.time.LocalDateTime.MIN
                        : s.getStartTime()))
                .map(s -> s.getStepName()).orElse("(none)");
    }

    private org.springframework.core.env.Environment environment;
    private org.springframework.beans.factory.ObjectProvider<org.springframework.amqp.rabbit.connection.ConnectionFactory> rabbit;

    /** Issue 21: what a run in remote mode checks before it starts (the database every process reaches, the broker). */
    @org.springframework.beans.factory.annotation.Autowired
    void remoteMode(org.springframework.core.env.Environment environment,
                    org.springframework.beans.factory.ObjectProvider<org.springframework.amqp.rabbit.connection.ConnectionFactory> rabbit) {
        this.environment = environment;
        this.rabbit = rabbit;
    }

    public ComplianceRunService(JobOperator jobOperator, JobRepository jobRepository, Job complianceJob,
                                DealBookProvider deals, JdbcTemplate jdbc, DataSource dataSource) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.complianceJob = complianceJob;
        this.deals = deals;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public Outcome run(RunOptions options) {
        Instant started = Instant.now();
        Outcome outcome = runChecked(options);
        if (metrics != null) {
            metrics.write(outcome, Duration.between(started, Instant.now()));
        }
        return outcome;
    }

    private RunMetrics metrics;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void metrics(RunMetrics metrics) {
        this.metrics = metrics;
    }

    private Outcome runChecked(RunOptions options) {
        if (environment != null && "remote".equals(environment.getProperty("compliance.partitioning"))) {
            if (org.debentures.compliance.job.ComplianceJobConfiguration.embeddedH2(jdbc)) {
                return new Outcome(ExitCodes.BAD_INPUT, null, null, "Run refused: --compliance.partitioning=remote needs a"
                        + " database every process reaches (MySQL or MariaDB: spring.datasource.url=jdbc:mysql://...); the"
                        + " embedded H2 file database is this process's own. Nothing was done.\n");
            }
            String unreachable = RemoteChecks.brokerUnreachable(rabbit.getObject());
            if (unreachable != null) {
                return new Outcome(ExitCodes.DATABASE_UNAVAILABLE, null, null, "Run refused: " + unreachable
                        + " Nothing was done.\n");
            }
            LOG.info("remote partitioning: RabbitMQ reachable; partitions go to queue {}",
                    environment.getProperty("compliance.remote.queue", "debenture-compliance.partitions"));
        }
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        DealBook book;
        try {
            book = deals.dealBook(dataDir);
        } catch (DealFileException e) {
            return new Outcome(ExitCodes.BAD_INPUT, null, null,
                    "Run refused: the deal files cannot be used; nothing was done.\n" + e.getMessage() + "\n");
        }
        try (RunLock lock = RunLock.acquire(dataSource, book.deals().stream().map(DealTerms::id).toList())) {
            return runLocked(options, dataDir, book);
        } catch (RunLock.Held held) {
            return new Outcome(ExitCodes.LOCKED, null, null, "Run refused: " + held.getMessage() + "\n");
        } catch (SQLException | RuntimeException e) {
            if (DatabaseFaults.isDatabaseFault(e)) {
                return new Outcome(ExitCodes.DATABASE_UNAVAILABLE, null, null, DatabaseFaults.describe(e));
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private Outcome runLocked(RunOptions options, Path dataDir, DealBook book) {
        RunRange range;
        try {
            range = RunRange.resolve(options.from(), options.to(), options.businessDate(),
                    book.earliestStart().orElseThrow(), processedThrough(book));
        } catch (IllegalArgumentException e) {
            return new Outcome(ExitCodes.BAD_INPUT, null, null, "Run refused: " + e.getMessage() + "\n");
        }
        Instant started = Instant.now();
        JobExecution execution;
        Optional<JobExecution> unfinished = unfinishedExecution(range, dataDir);
        try {
            if (unfinished.isPresent()) {
                JobExecution failed = unfinished.get();
                if (failed.getStatus().isRunning()) {
                    // we hold the deals' lock, so the process that left it running is gone: mark it failed
                    failed = jobOperator.recover(failed);
                }
                new RunRecordTables(jdbc).markFailed(failed.getId());
                String refused = changedOption(failed, options);
                if (refused != null) {
                    return new Outcome(ExitCodes.BAD_INPUT, null, range, "Run refused: " + refused + "\n");
                }
                LOG.info("restarting execution {} of {} .. {} (status {}): completed steps are skipped", failed.getId(),
                        range.from(), range.to(), failed.getStatus());
                // the same job instance (its identifying parameters), with this command's own options: a restart given
                // --export-dir exports, whatever the first launch had (issue 23)
                execution = jobOperator.start(complianceJob, restartParameters(failed, options));
                new RunRecordTables(jdbc).markRestart(execution.getId(), failed.getId());
            } else {
                execution = jobOperator.start(complianceJob, parameters(options, dataDir, range));
            }
        } catch (Exception e) {
            if (DatabaseFaults.isDatabaseFault(e)) {
                return new Outcome(ExitCodes.DATABASE_UNAVAILABLE, null, range, DatabaseFaults.describe(e));
            }
            LOG.error("run could not start", e);
            StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                why.append("\n  caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            }
            return new Outcome(ExitCodes.RUN_FAILED, null, range, "Run could not start: " + why + "\n");
        }
        long millis = Duration.between(started, Instant.now()).toMillis();
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (!completed && failures.stream().anyMatch(RemoteChecks::isBrokerFault)) {
            String failure = RemoteChecks.describeBrokerLost(failures.stream().filter(RemoteChecks::isBrokerFault)
                    .findFirst().orElseThrow(), rabbit == null ? null : rabbit.getIfAvailable());
            new RunRecordTables(jdbc).recordOwner(execution.getId(), RunLock.owner(), failure.strip());
            return new Outcome(ExitCodes.DATABASE_UNAVAILABLE, execution.getId(), range, failure
                    + "Nothing of this run is visible; run the same command again once RabbitMQ is back: completed"
                    + " partitions are not run again.\n");
        }
        if (!completed && failures.stream().anyMatch(DatabaseFaults::isDatabaseFault)) {
            return new Outcome(ExitCodes.DATABASE_UNAVAILABLE, execution.getId(), range,
                    DatabaseFaults.describe(failures.stream().filter(DatabaseFaults::isDatabaseFault).findFirst().orElseThrow())
                            + "Nothing of this run is visible; run the same command again once the database is back.\n");
        }
        boolean stopped = execution.getStatus() == BatchStatus.STOPPED;
        String failure = completed ? null : stopped ? "stopped on request (" + (gracefulStop == null
                || gracefulStop.requested() == null ? "stop" : gracefulStop.requested()) + ") in step "
                + lastStep(execution) : failures.isEmpty() ? execution.getExitStatus().getExitDescription()
                : failures.get(0).getMessage() != null ? failures.get(0).getMessage() : failures.get(0).toString();
        new RunRecordTables(jdbc).recordOwner(execution.getId(), RunLock.owner(), failure);
        options.exportDir().ifPresent(dir -> new CsvExporter(jdbc).export(dir.toAbsolutePath().normalize(), range.from(),
                range.to(), List.of(ExportTable.JOB_RUN, ExportTable.JOB_RUN_READING, ExportTable.INPUT_FILE)));
        String header = String.format("Compliance run %d: %s %s .. %s (as of %s), %s in %.1f s%s%ndeals: %s",
                execution.getId(), range.kind(), range.from(), range.to(), range.to(), execution.getStatus(),
                millis / 1000.0, unfinished.map(u -> " (restart of run " + u.getId() + ")").orElse(""), describe(book));
        RunSummary summary = new RunSummary(jdbc, book);
        RunSummary.Figures figures = summary.figures(execution.getId(), range.from(), range.to());
        StringBuilder text = new StringBuilder(summary.render(figures, header, range.from(), range.to()));
        text.append(workers(execution));
        text.append(String.format("peak heap: %d MB (max %d MB; at most %d MB live after a collection)%n",
                HeapWatch.peakMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024), HeapWatch.peakLiveMb()));
        if (stopped) {
            text.append("RUN STOPPED: ").append(failure).append("; nothing of it is visible\n");
            text.append("Run the same command again: the job restarts where it stopped.\n");
            return new Outcome(ExitCodes.STOPPED, execution.getId(), range, text.toString(), figures);
        }
        if (!completed) {
            text.append("RUN FAILED: ").append(failure).append('\n');
            text.append("Run the same command again: the job restarts where it stopped.\n");
        }
        return new Outcome(completed ? ExitCodes.OK : ExitCodes.RUN_FAILED, execution.getId(), range, text.toString(),
                figures);
    }

    /**
     * Issue 21: in remote mode, which worker ran each partition of this execution (from the partitions' step contexts
     * in the job repository, where each worker names itself); empty for a local run.
     */
    private String workers(JobExecution execution) {
        if (environment == null || !"remote".equals(environment.getProperty("compliance.partitioning"))) {
            return "";
        }
        java.util.Map<String, String> byPartition = new java.util.TreeMap<>();
        for (var step : execution.getStepExecutions()) {
            if (step.getStepName().startsWith("computeResultsWorker:")) {
                var stored = jobRepository.getStepExecution(step.getId());
                String worker = stored == null ? null : stored.getExecutionContext().getString(
                        org.debentures.compliance.job.results.RemotePartitioning.WORKER_KEY, null);
                byPartition.put(step.getStepName().substring("computeResultsWorker:".length()),
                        (worker == null ? "no worker" : worker) + " " + (stored == null ? step.getStatus() : stored.getStatus()));
            }
        }
        if (byPartition.isEmpty()) {
            return "partitions: none in this execution (completed by an earlier one)\n";
        }
        StringBuilder line = new StringBuilder("partitions on workers:");
        byPartition.forEach((partition, worker) -> line.append(' ').append(partition).append('=').append(worker).append(';'));
        return line.append('\n').toString();
    }

    private JobParameters parameters(RunOptions options, Path dataDir, RunRange range) {
        return new JobParametersBuilder()
                .addLocalDate(JobParameterNames.FROM, range.from())
                .addLocalDate(JobParameterNames.TO, range.to())
                .addString(JobParameterNames.DATA_DIR, dataDir.toString())
                .addLong(JobParameterNames.LAUNCH, System.currentTimeMillis() * 1000 + LAUNCH_SEQUENCE.incrementAndGet() % 1000)
                .addString(JobParameterNames.RUN_KIND, range.kind().name(), false)
                .addLocalDate(JobParameterNames.BUSINESS_DATE, options.businessDate(), false)
                .addLong(JobParameterNames.DEADLINE_HORIZON_DAYS, (long) options.deadlineHorizonDays(), false)
                .addString(JobParameterNames.EXPORT_DIR,
                        options.exportDir().map(p -> p.toAbsolutePath().normalize().toString()).orElse(""), false)
                .toJobParameters();
    }

    /**
     * Why this command cannot restart {@code failed}: an option its completed steps already used differs (the
     * business date or the deadline horizon); null when it can. The export folder may differ: the export step runs
     * again on every restart.
     */
    private static String changedOption(JobExecution failed, RunOptions options) {
        JobParameters old = failed.getJobParameters();
        LocalDate business = old.getLocalDate(JobParameterNames.BUSINESS_DATE);
        if (business != null && !business.equals(options.businessDate())) {
            return "run " + failed.getId() + " of the same range " + failed.getStatus() + " and is restarted with the"
                    + " business date it started with, " + business + "; this command gives --business-date="
                    + options.businessDate() + ". Give --business-date=" + business + " to restart it (its completed"
                    + " steps used that date). Nothing was done.";
        }
        Long horizon = old.getLong(JobParameterNames.DEADLINE_HORIZON_DAYS);
        if (horizon != null && horizon != options.deadlineHorizonDays()) {
            return "run " + failed.getId() + " of the same range " + failed.getStatus() + " and is restarted with"
                    + " --deadline-horizon-days=" + horizon + "; this command gives " + options.deadlineHorizonDays()
                    + ". Give " + horizon + " to restart it. Nothing was done.";
        }
        return null;
    }

    /** The identifying parameters of {@code failed} (so the same job instance restarts) and this command's options. */
    private static JobParameters restartParameters(JobExecution failed, RunOptions options) {
        JobParameters old = failed.getJobParameters();
        JobParametersBuilder builder = new JobParametersBuilder();
        for (var parameter : old.parameters()) {
            if (!parameter.identifying() && parameter.name().equals(JobParameterNames.EXPORT_DIR)) {
                continue;
            }
            builder.addJobParameter(parameter);
        }
        builder.addString(JobParameterNames.EXPORT_DIR,
                options.exportDir().map(p -> p.toAbsolutePath().normalize().toString()).orElse(""), false);
        return builder.toJobParameters();
    }

    /** The last execution of the latest instance, when it did not complete and ran the same range and data. */
    private Optional<JobExecution> unfinishedExecution(RunRange range, Path dataDir) {
        JobInstance last = jobRepository.getLastJobInstance(ComplianceJobConfiguration.JOB_NAME);
        if (last == null) {
            return Optional.empty();
        }
        JobExecution execution = jobRepository.getLastJobExecution(last);
        if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
                || execution.getStatus() == BatchStatus.ABANDONED) {
            return Optional.empty();
        }
        JobParameters p = execution.getJobParameters();
        boolean same = range.from().equals(p.getLocalDate(JobParameterNames.FROM))
                && range.to().equals(p.getLocalDate(JobParameterNames.TO))
                && dataDir.toString().equals(p.getString(JobParameterNames.DATA_DIR));
        return same ? Optional.of(execution) : Optional.empty();
    }

    /** The earliest watermark of the deals, or empty when a deal has never been processed. */
    private Optional<LocalDate> processedThrough(DealBook book) {
        java.util.Map<String, LocalDate> marks = new Watermarks(jdbc).all();
        LocalDate earliest = null;
        for (var deal : book.deals()) {
            Optional<LocalDate> mark = Optional.ofNullable(marks.get(deal.id()));
            if (mark.isEmpty()) {
                return Optional.empty();
            }
            if (earliest == null || mark.get().isBefore(earliest)) {
                earliest = mark.get();
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** Deals listed one by one up to this many; a portfolio is summed up by the readings its deals use. */
    private static final int DEALS_LISTED = 5;

    private static String describe(DealBook book) {
        if (book.deals().size() > DEALS_LISTED) {
            Map<String, List<String>> byReadings = new java.util.TreeMap<>();
            book.deals().forEach(deal -> byReadings.computeIfAbsent(deal.switches().describe(), k -> new ArrayList<>())
                    .add(deal.id()));
            StringBuilder text = new StringBuilder().append(book.deals().size()).append(" deals, ")
                    .append(book.instrumentIds().size()).append(" instruments, ").append(book.symbols().size())
                    .append(" symbols (readings of each deal: table job_run_reading)");
            byReadings.forEach((readings, ids) -> text.append("\n  ").append(ids.size()).append(ids.size() == 1 ? " deal (" : " deals (")
                    .append(String.join(", ", ids.subList(0, Math.min(3, ids.size())))).append(ids.size() > 3 ? ", ..." : "")
                    .append("): ").append(readings));
            return text.toString();
        }
        StringBuilder text = new StringBuilder();
        book.deals().forEach(deal -> text.append(text.isEmpty() ? "" : "; ").append(deal.id()).append(" (")
                .append(deal.symbol()).append(", ").append(deal.instruments().size()).append(" instruments; ")
                .append(deal.switches().describe()).append(')'));
        return text.toString();
    }
}
