package org.debentures.compliance.store.run;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL of the run record (SPEC §8 "who ran what"): {@code job_run} (range, kind, data directory,
 * start, end, outcome, owner, the execution it restarted), {@code job_run_reading} (each deal's
 * switches) and {@code input_file} (every file a run read, with its checksum and counts).
 */
public final class RunRecordTables {

    /** One deal's reading (switch) in a run. */
    public record Reading(String dealId, String switchName, String switchValue) {
    }

    /** One input file of a run: read = accepted + duplicate + rejected. */
    public record InputFile(String fileName, String feed, String sha256, long read, long accepted, long duplicate,
                            long rejected) {
    }

    /** A completed run's range. */
    public record Range(LocalDate from, LocalDate to) {
    }

    private static final String DELETE_READINGS = """
            DELETE FROM job_run_reading WHERE run_id = ?""";
    private static final String DELETE_RUN = """
            DELETE FROM job_run WHERE run_id = ?""";
    private static final String DELETE_INPUT_FILES = """
            DELETE FROM input_file WHERE run_id = ?""";
    private static final String INSERT_RUN = """
            INSERT INTO job_run (run_id, run_kind, range_from, range_to, data_dir, started_at, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_READING = """
            INSERT INTO job_run_reading (run_id, deal_id, switch_name, switch_value) VALUES (?, ?, ?, ?)""";
    private static final String FINISH_RUN = """
            UPDATE job_run SET finished_at = ?, outcome = ?, duration_ms = ? WHERE run_id = ?""";
    private static final String MARK_FAILED = """
            UPDATE job_run SET outcome = 'FAILED' WHERE run_id = ? AND outcome = 'STARTED'""";
    private static final String MARK_RESTART = """
            UPDATE job_run SET restart_of = ? WHERE run_id = ?""";
    private static final String RECORD_OWNER = """
            UPDATE job_run SET owner = ?, exit_message = ? WHERE run_id = ?""";
    private static final String LAST_COMPLETED = """
            SELECT range_from, range_to FROM job_run WHERE outcome = 'COMPLETED' ORDER BY run_id DESC""";
    private static final String INSERT_INPUT_FILE = """
            INSERT INTO input_file (run_id, file_name, feed, sha256, rows_read, rows_accepted, rows_duplicate,
                                    rows_rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    public RunRecordTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a run as it starts ({@code STARTED}), replacing any earlier record of the same run id. */
    public void start(long runId, String kind, LocalDate from, LocalDate to, String dataDir, LocalDateTime startedAt,
                      String outcome, List<Reading> readings) {
        jdbc.update(DELETE_READINGS, runId);
        jdbc.update(DELETE_RUN, runId);
        jdbc.update(INSERT_RUN, runId, kind, Date.valueOf(from), Date.valueOf(to), dataDir, Timestamp.valueOf(startedAt),
                outcome);
        jdbc.batchUpdate(INSERT_READING, readings.stream()
                .map(r -> new Object[] {runId, r.dealId(), r.switchName(), r.switchValue()}).toList());
    }

    /** Records how a run ended. */
    public void finish(long runId, LocalDateTime finishedAt, String outcome, long durationMillis) {
        jdbc.update(FINISH_RUN, Timestamp.valueOf(finishedAt), outcome, durationMillis, runId);
    }

    /** A run left {@code STARTED} by a process that is gone is {@code FAILED}. */
    public void markFailed(long runId) {
        jdbc.update(MARK_FAILED, runId);
    }

    /** {@code runId} restarts the execution {@code restartOf}. */
    public void markRestart(long runId, long restartOf) {
        jdbc.update(MARK_RESTART, restartOf, runId);
    }

    /** The process that ran it (host:pid) and its failure, cut to the column's width. */
    public void recordOwner(long runId, String owner, String failure) {
        jdbc.update(RECORD_OWNER, owner, failure == null ? null : failure.substring(0, Math.min(1990, failure.length())),
                runId);
    }

    /** The range of the latest completed run, if any. */
    public Optional<Range> lastCompletedRange() {
        List<Map<String, Object>> last = jdbc.queryForList(LAST_COMPLETED);
        return last.isEmpty() ? Optional.empty() : Optional.of(new Range(((Date) last.get(0).get("range_from")).toLocalDate(),
                ((Date) last.get(0).get("range_to")).toLocalDate()));
    }

    /** Replaces the run's input files. */
    public void replaceInputFiles(long runId, List<InputFile> files) {
        jdbc.update(DELETE_INPUT_FILES, runId);
        jdbc.batchUpdate(INSERT_INPUT_FILE, files.stream().map(f -> new Object[] {runId, f.fileName(), f.feed(),
                f.sha256(), f.read(), f.accepted(), f.duplicate(), f.rejected()}).toList());
    }
}
