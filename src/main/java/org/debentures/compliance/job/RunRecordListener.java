package org.debentures.compliance.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.debentures.compliance.store.run.RunRecordTables;
import org.debentures.compliance.store.run.Watermarks;

/**
 * Records who ran what (SPEC §8): the run's range, kind, data directory and the readings
 * (switches) of every deal when it starts; its outcome when it ends; and, for a completed run,
 * each deal's "processed through" watermark that the next nightly run starts after.
 */
public final class RunRecordListener implements JobExecutionListener {

    private final RunRecordTables runs;
    private final DealBookProvider deals;
    private final Watermarks watermarks;

    public RunRecordListener(JdbcTemplate jdbc, DealBookProvider deals) {
        this.runs = new RunRecordTables(jdbc);
        this.deals = deals;
        this.watermarks = new Watermarks(jdbc);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        JobParameters params = execution.getJobParameters();
        long runId = execution.getId();
        DealBook book = deals.dealBook(Path.of(params.getString(JobParameterNames.DATA_DIR)));
        List<RunRecordTables.Reading> readings = new ArrayList<>();
        book.deals().forEach(deal -> deal.switches().asMap().forEach((name, value) ->
                readings.add(new RunRecordTables.Reading(deal.id(), name, value))));
        runs.start(runId, params.getString(JobParameterNames.RUN_KIND), params.getLocalDate(JobParameterNames.FROM),
                params.getLocalDate(JobParameterNames.TO), params.getString(JobParameterNames.DATA_DIR),
                LocalDateTime.now(), RunStatus.STARTED.name(), readings);
    }

    @Override
    public void afterJob(JobExecution execution) {
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        long runId = execution.getId();
        LocalDateTime finished = LocalDateTime.now();
        runs.finish(runId, finished, completed ? RunStatus.COMPLETED.name() : RunStatus.FAILED.name(),
                java.time.Duration.between(execution.getStartTime() == null ? finished : execution.getStartTime(),
                        finished).toMillis());
        JobParameters params = execution.getJobParameters();
        if (completed) {
            advanceWatermarks(params, runId);
        }
    }

    /**
     * A completed run that starts no later than the day after a deal's watermark (or at the deal's
     * start) has processed that deal contiguously through its last day: the watermark moves up to
     * it, never down (a rerun of an old range leaves it alone).
     */
    private void advanceWatermarks(JobParameters params, long runId) {
        LocalDate from = params.getLocalDate(JobParameterNames.FROM);
        LocalDate to = params.getLocalDate(JobParameterNames.TO);
        java.util.Map<String, LocalDate> marks = watermarks.all();
        java.util.Map<String, LocalDate> moved = new java.util.LinkedHashMap<>();
        for (var deal : deals.dealBook(Path.of(params.getString(JobParameterNames.DATA_DIR))).deals()) {
            Optional<LocalDate> existing = Optional.ofNullable(marks.get(deal.id()));
            LocalDate contiguousFrom = existing.map(d -> d.plusDays(1)).orElse(deal.startDate());
            boolean contiguous = !from.isAfter(contiguousFrom);
            if (contiguous && existing.map(to::isAfter).orElse(true)) {
                moved.put(deal.id(), to);
            }
        }
        watermarks.setAll(moved, runId);
    }
}
