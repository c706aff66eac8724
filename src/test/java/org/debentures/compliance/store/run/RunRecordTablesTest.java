package org.debentures.compliance.store.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.debentures.compliance.store.ReportingDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run record (SPEC §8 "who ran what") on H2 and MariaDB: a run, its readings, its end, its input files. */
class RunRecordTablesTest {

    static List<Named<Supplier<JdbcTemplate>>> databases() {
        return ReportingDatabases.both("run_record");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunIsRecordedFromStartToEndWithItsReadingsAndFiles(Supplier<JdbcTemplate> database) {
        JdbcTemplate jdbc = database.get();
        RunRecordTables runs = new RunRecordTables(jdbc);
        LocalDate from = LocalDate.parse("2002-03-28");
        LocalDate to = LocalDate.parse("2007-03-28");
        runs.start(7, "RERUN", from, to, "/data", LocalDateTime.parse("2026-12-01T10:00:00"), "STARTED",
                List.of(new RunRecordTables.Reading("RAMTRON-2002", "deadline-convention", "FOLLOWING")));
        // a restart of the same run id replaces its record
        runs.start(7, "RERUN", from, to, "/data", LocalDateTime.parse("2026-12-01T10:00:01"), "STARTED",
                List.of(new RunRecordTables.Reading("RAMTRON-2002", "deadline-convention", "NONE")));
        assertEquals(List.of("NONE"), jdbc.queryForList("SELECT switch_value FROM job_run_reading WHERE run_id = 7",
                String.class));
        assertEquals(Optional.empty(), runs.lastCompletedRange());

        runs.replaceInputFiles(7, List.of(new RunRecordTables.InputFile("filings/a.csv", "FILINGS", "ab".repeat(32),
                4, 1, 1, 2)));
        runs.replaceInputFiles(7, List.of(new RunRecordTables.InputFile("filings/b.csv", "FILINGS", "cd".repeat(32),
                3, 3, 0, 0)));
        assertEquals(List.of("filings/b.csv 3 = 3 + 0 + 0"), jdbc.query("SELECT file_name, rows_read, rows_accepted,"
                + " rows_duplicate, rows_rejected FROM input_file WHERE run_id = 7", (rs, i) -> rs.getString(1) + " "
                + rs.getLong(2) + " = " + rs.getLong(3) + " + " + rs.getLong(4) + " + " + rs.getLong(5)));

        runs.finish(7, LocalDateTime.parse("2026-12-01T10:00:05"), "COMPLETED", 4000);
        runs.recordOwner(7, "host:123", "x".repeat(3000));
        assertEquals(Optional.of(new RunRecordTables.Range(from, to)), runs.lastCompletedRange());
        assertEquals(1990, jdbc.queryForObject("SELECT LENGTH(exit_message) FROM job_run WHERE run_id = 7", Integer.class));

        // a run left STARTED by a dead process is marked failed, and its restart names it
        runs.start(8, "NIGHTLY", to, to, "/data", LocalDateTime.parse("2026-12-02T10:00:00"), "STARTED", List.of());
        runs.markFailed(8);
        runs.start(9, "NIGHTLY", to, to, "/data", LocalDateTime.parse("2026-12-02T10:05:00"), "STARTED", List.of());
        runs.markRestart(9, 8);
        assertEquals(List.of("7 COMPLETED null", "8 FAILED null", "9 STARTED 8"), jdbc.query(
                "SELECT run_id, outcome, restart_of FROM job_run ORDER BY run_id",
                (rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getObject(3)));
    }
}
