package org.debentures.compliance.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.debentures.compliance.batch.DealBookProvider;
import org.debentures.compliance.batch.JobParameterNames;
import org.debentures.compliance.batch.internal.Watermarks;
import org.debentures.compliance.dealfile.DealFileException;
import org.debentures.compliance.report.RunSummary;
import org.debentures.compliance.run.RunRange;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs the compliance job once: validates the deal files before any work, works out the range
 * (nightly or rerun), launches the job and renders the summary.
 */
@Service
public class ComplianceRunService {

    /** What a run ended with: the exit status, the job execution (if one started) and the text for a person. */
    public record Outcome(int exitCode, Long runId, RunRange range, String text) {
    }

    private static final AtomicLong LAUNCH_SEQUENCE = new AtomicLong();

    private final JobOperator jobOperator;
    private final Job complianceJob;
    private final DealBookProvider deals;
    private final JdbcTemplate jdbc;

    public ComplianceRunService(JobOperator jobOperator, Job complianceJob, DealBookProvider deals, JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.complianceJob = complianceJob;
        this.deals = deals;
        this.jdbc = jdbc;
    }

    public Outcome run(RunOptions options) {
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        DealBook book;
        try {
            book = deals.dealBook(dataDir);
        } catch (DealFileException e) {
            return new Outcome(ExitCodes.BAD_INPUT, null, null,
                    "Run refused: the deal files cannot be used; nothing was done.\n" + e.getMessage() + "\n");
        }
        RunRange range;
        try {
            range = RunRange.resolve(options.from(), options.to(), options.businessDate(),
                    book.earliestStart().orElseThrow(), processedThrough(book));
        } catch (IllegalArgumentException e) {
            return new Outcome(ExitCodes.BAD_INPUT, null, null, "Run refused: " + e.getMessage() + "\n");
        }
        JobParameters params = new JobParametersBuilder()
                .addLocalDate(JobParameterNames.FROM, range.from())
                .addLocalDate(JobParameterNames.TO, range.to())
                .addString(JobParameterNames.DATA_DIR, dataDir.toString())
                .addLong(JobParameterNames.LAUNCH, System.currentTimeMillis() * 1000 + LAUNCH_SEQUENCE.incrementAndGet() % 1000)
                .addString(JobParameterNames.RUN_KIND, range.kind().name(), false)
                .addLong(JobParameterNames.DEADLINE_HORIZON_DAYS, (long) options.deadlineHorizonDays(), false)
                .addString(JobParameterNames.EXPORT_DIR,
                        options.exportDir().map(p -> p.toAbsolutePath().normalize().toString()).orElse(""), false)
                .toJobParameters();
        Instant started = Instant.now();
        JobExecution execution;
        try {
            execution = jobOperator.start(complianceJob, params);
        } catch (Exception e) {
            return new Outcome(ExitCodes.RUN_FAILED, null, range, "Run could not start: " + e.getMessage() + "\n");
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        String header = String.format("Compliance run %d: %s %s .. %s (as of %s), %s in %.1f s%ndeals: %s",
                execution.getId(), range.kind(), range.from(), range.to(), range.to(), execution.getStatus(), seconds,
                describe(book));
        StringBuilder text = new StringBuilder(new RunSummary(jdbc).render(execution.getId(), header, range.from(), range.to()));
        if (!completed) {
            text.append("RUN FAILED: ");
            List<Throwable> failures = execution.getAllFailureExceptions();
            text.append(failures.isEmpty() ? execution.getExitStatus().getExitDescription()
                    : failures.get(0).getMessage()).append('\n');
            text.append("Run the same command again: the job restarts and replaces the range's rows.\n");
        }
        return new Outcome(completed ? ExitCodes.OK : ExitCodes.RUN_FAILED, execution.getId(), range, text.toString());
    }

    /** The earliest watermark of the deals, or empty when a deal has never been processed. */
    private Optional<LocalDate> processedThrough(DealBook book) {
        Watermarks watermarks = new Watermarks(jdbc);
        LocalDate earliest = null;
        for (var deal : book.deals()) {
            Optional<LocalDate> mark = watermarks.processedThrough(deal.id());
            if (mark.isEmpty()) {
                return Optional.empty();
            }
            if (earliest == null || mark.get().isBefore(earliest)) {
                earliest = mark.get();
            }
        }
        return Optional.ofNullable(earliest);
    }

    private static String describe(DealBook book) {
        StringBuilder text = new StringBuilder();
        book.deals().forEach(deal -> text.append(text.isEmpty() ? "" : "; ").append(deal.id()).append(" (")
                .append(deal.symbol()).append(", ").append(deal.instruments().size()).append(" instruments; ")
                .append(deal.switches().describe()).append(')'));
        return text.toString();
    }

}
